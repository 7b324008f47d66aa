import mammoth from "mammoth";
import { describe, expect, it } from "vitest";
import { reportDocx } from "../../../src/report/report-docx.ts";
import { buildReportModel } from "../../../src/report/report-model.ts";
import { action, inputs, update } from "./report-fixtures.ts";
import { zipEntryText } from "./zip-entry.ts";

const DIFFERENCE = "What difference has this made for children and families?";
const NEXT = "What happens next?";

async function documentOf(updates: Parameters<typeof inputs>[1]) {
  const actions = [action("A-1", [1], "Green", "2027-03-31"), action("A-2", [2], "Red", null)];
  const bytes = await reportDocx(buildReportModel(inputs(actions, updates)));
  const { value: text } = await mammoth.extractRawText({ buffer: bytes });
  const { value: html } = await mammoth.convertToHtml({ buffer: bytes });
  return { bytes, text, html, xml: zipEntryText(bytes, "word/document.xml") };
}

describe("the quarter's Word report", () => {
  it("asks the storyboard's two questions only where the approved update answers them", async () => {
    const { text } = await documentOf([
      update("A-1", "2026-Q3", "approved", {
        difference: "Families tell their story once.",
        nextSteps: "Audit in March.",
      }),
      update("A-2", "2026-Q3", "approved"),
    ]);
    const a1 = text.slice(text.indexOf("A-1 Action A-1\n\nWhere we were"));
    const a2 = text.slice(text.indexOf("A-2 Action A-2\n\nWhere we were"));
    expect(a1.slice(0, a1.indexOf("A-2 Action A-2"))).toContain(
      `${DIFFERENCE}\n\nFamilies tell their story once.\n\n${NEXT}\n\nAudit in March.`,
    );
    expect(a2).not.toContain(DIFFERENCE);
    expect(a2).not.toContain(NEXT);
  });

  it("says an update awaits DMT's decision instead of printing it", async () => {
    const { text } = await documentOf([
      update("A-1", "2026-Q3", "submitted", {
        progress: "Not yet agreed words",
        nextSteps: "Soon",
      }),
    ]);
    expect(text).not.toContain("Not yet agreed words");
    expect(text).not.toContain(NEXT);
    expect(text).toContain(
      "This quarter's update from Ola Ade is awaiting DMT's decision, so it is not reported as progress yet.",
    );
  });

  it("uses real heading styles, in the council's order", async () => {
    const { html, xml } = await documentOf([]);
    // The plan's name is the document's Title; the parts are Heading 1, priorities Heading 2.
    expect(xml).toMatch(
      /<w:pStyle w:val="Title"\/>(?:(?!<\/w:p>).)*Children&apos;s Improvement Plan/s,
    );
    const headings = [...html.matchAll(/<h([12])>(.*?)<\/h\1>/g)].map((m) => `${m[1]} ${m[2]}`);
    expect(headings.filter((h) => h.startsWith("1 "))).toEqual([
      "1 Summary",
      "1 Exceptions: Red and overdue actions",
      "1 Progress by priority",
      "1 Appendix A: the updated action plan",
    ]);
  });

  it("marks table headers, puts the appendix on landscape pages and numbers every page", async () => {
    const { xml } = await documentOf([]);
    // The summary's table and the appendix's each repeat their header row on every page.
    expect(xml.match(/<w:tblHeader\/>/g)?.length).toBe(2);
    expect(xml.match(/<w:pgSz [^>]*w:orient="landscape"/g)?.length).toBe(1);
    const footers = xml.match(/<w:footerReference /g)?.length ?? 0;
    expect(footers).toBe(2);
  });

  it("fills RAG cells with their colour and keeps the word in them", async () => {
    const { xml } = await documentOf([]);
    const appendix = xml.slice(xml.indexOf("Appendix A"));
    expect(appendix).toMatch(/<w:shd [^>]*w:fill="C0392B"[^>]*\/>(?:(?!<\/w:tc>).)*>Red</s);
    expect(appendix).toMatch(/<w:shd [^>]*w:fill="58D68D"[^>]*\/>(?:(?!<\/w:tc>).)*>Green</s);
  });
});
