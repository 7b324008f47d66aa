import { readFile } from "node:fs/promises";
import { join } from "node:path";
import mammoth from "mammoth";
import { beforeAll, describe, expect, it } from "vitest";
import { DEMO_STORY } from "../../../src/demo/demo-history.ts";
import { runCliHere, tempDataDir } from "../../support/run-cli.ts";
import { seedReportStore, TYPED_MARKUP } from "./report-fixture.ts";

/** The document's headings (Title and Heading 1-3), in order, as mammoth reads them back. */
function headingsOf(html: string): string[] {
  return [...html.matchAll(/<h([1-3])[^>]*>(.*?)<\/h\1>/g)].map(
    (m) => `h${m[1]} ${decode(m[2] ?? "")}`,
  );
}

function decode(html: string): string {
  return html
    .replace(/<[^>]+>/g, "")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&");
}

describe("plan-tracker report", () => {
  const dir = tempDataDir();
  const env = { DATA_DIR: dir, EMBEDDED_COSMOS_PORT: "0", REPORT_OF: "the Director of People" };
  const out = join(dir, "report.docx");
  let quarter = "";
  let html = "";
  let text = "";

  beforeAll(async () => {
    quarter = await seedReportStore(dir);
    const result = await runCliHere(["report", "--quarter", quarter, "--out", out], env);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`Wrote the ${quarter} report`);
    const bytes = await readFile(out);
    html = (await mammoth.convertToHtml({ buffer: bytes })).value;
    text = decode(html.replace(/<\/(p|h\d|td|li)>/g, "\n"));
  }, 60_000);

  it("opens with the cover block: plan, quarter in words, whose report", () => {
    expect(text).toContain("Rutland Children and Young People Development Plan 2022-23");
    expect(text).toMatch(/Progress report: \w+ to \w+ \d{4}/);
    expect(text).toContain("Report of the Director of People");
  });

  it("has its headings in the council's order: summary, exceptions, priorities, appendix", () => {
    const h1 = headingsOf(html).filter((h) => h.startsWith("h1"));
    expect(h1.slice(-4)).toEqual([
      "h1 Summary",
      "h1 Exceptions: Red and overdue actions",
      "h1 Progress by priority",
      "h1 Appendix A: the updated action plan",
    ]);
    const h2 = headingsOf(html).filter((h) => h.startsWith("h2 Priority"));
    // The sample plan's actions serve priorities 1, 3 and 4 only; the others have no profiles.
    expect(h2.map((h) => h.slice(3, 13))).toEqual(["Priority 1", "Priority 3", "Priority 4"]);
  });

  it("puts every Red action among the exceptions, before the priorities", () => {
    const exceptions = text.slice(
      text.indexOf("Exceptions: Red and overdue actions"),
      text.indexOf("Progress by priority"),
    );
    for (const ref of ["CSC-06", "CSC-11", "CSC-16"]) expect(exceptions).toContain(ref);
    expect(exceptions).not.toContain("CSC-02 ");
  });

  it("lists every action of the plan in the appendix table, with its RAG in words", () => {
    const appendix = html.slice(html.indexOf("Appendix A: the updated action plan"));
    const rows = [...appendix.matchAll(/<tr>(.*?)<\/tr>/g)].map((m) => decode(m[1] ?? ""));
    expect(rows[0]).toContain("Ref");
    const refs = rows.slice(1).map((r) => /^CSC-\d+/.exec(r)?.[0]);
    expect(refs).toEqual(
      Array.from({ length: 19 }, (_, i) => `CSC-${String(i + 1).padStart(2, "0")}`),
    );
    expect(rows.find((r) => r.startsWith("CSC-06"))).toContain("Red");
  });

  it("never reports the pending or the returned update as progress", () => {
    const pending = DEMO_STORY["CSC-05"]?.progress ?? "";
    const returned = DEMO_STORY["CSC-08"]?.progress ?? "";
    expect(pending).not.toBe("");
    expect(text).not.toContain(pending.slice(0, 40));
    expect(text).not.toContain(returned);
    expect(text).toContain("CSC-05");
    expect(text).toMatch(/update from Jo Morgan is awaiting DMT's decision, so it is not reported/);
    expect(text).toMatch(/Awaiting DMT's decision \(not yet agreed\)\nCSC-05 .*not yet agreed\n/);
  });

  it("reports approved progress, and a lead's markup exactly as typed", () => {
    expect(text).toContain(DEMO_STORY["CSC-02"]?.progress);
    expect(text).toContain(TYPED_MARKUP);
    expect(html).not.toContain("<b>done</b>");
  });

  it("counts as the store holds: three Red actions, and the approved revised date", () => {
    expect(text).toMatch(
      /Whole plan \(each action once\)\n+3 \(was 0\)\n+9 \(was 13\)\n+7 \(was 6\)\n+0\n/,
    );
    expect(text).toMatch(
      /CSC-01 .*now due 31 March 2099 \(Waiting for the new case management system\)/,
    );
  });

  it("with several plans, reports the plan named and asks which when none is", async () => {
    const send = new URL("../../fixtures/plymouth-plan.csv", import.meta.url).pathname;
    expect((await runCliHere(["import", send, "--plan", "SEND plan"], env)).code).toBe(0);
    const unnamed = await runCliHere(["report", "--quarter", quarter, "--out", out], env);
    expect(unnamed.code).toBe(2);
    expect(unnamed.stderr).toContain('add --plan "NAME"');
    expect(unnamed.stderr).toContain("SEND plan");
    const sendOut = join(dir, "send.docx");
    const named = await runCliHere(
      ["report", "--quarter", quarter, "--plan", "send plan", "--out", sendOut],
      env,
    );
    expect(named.code).toBe(0);
    const { value } = await mammoth.extractRawText({ buffer: await readFile(sendOut) });
    expect(value.split("\n")[0]).toBe("SEND plan");
    expect(value).not.toContain("CSC-01");
  });

  it("refuses a missing quarter or file with the fix", async () => {
    const noQuarter = await runCliHere(["report", "--out", out], env);
    expect(noQuarter.code).toBe(2);
    expect(noQuarter.stderr).toContain("--quarter 2026-Q3");
    const noFile = await runCliHere(["report", "--quarter", quarter], env);
    expect(noFile.code).toBe(2);
    expect(noFile.stderr).toContain("--out report.docx");
  });
});
