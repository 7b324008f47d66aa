import { Document, HeadingLevel, Packer, PageOrientation, Paragraph, TextRun } from "docx";
import { appendixSection } from "./appendix-docx.ts";
import { pageNumberFooter } from "./docx-parts.ts";
import { exceptionsSection, prioritiesSection } from "./profiles-docx.ts";
import type { ReportModel } from "./report-model.ts";
import { summarySection } from "./summary-docx.ts";

/** The cover block, as a council's committee papers open: the plan, the quarter, whose report. */
function cover(model: ReportModel): Paragraph[] {
  return [
    new Paragraph({ text: model.planName, heading: HeadingLevel.TITLE }),
    new Paragraph({
      children: [
        new TextRun({ text: `Progress report: ${model.quarterWords}`, bold: true, size: 32 }),
      ],
      spacing: { after: 240 },
    }),
    new Paragraph({
      children: [new TextRun(`Report of ${model.reportOf}`)],
      spacing: { after: 120 },
    }),
    new Paragraph({ children: [new TextRun(model.dateText)], spacing: { after: 120 } }),
    new Paragraph({
      children: [
        new TextRun({
          text: `As at ${model.dateText}. Progress shown is what DMT has approved; updates still awaiting a decision are listed as such.`,
          italics: true,
        }),
      ],
      spacing: { after: 360 },
    }),
  ];
}

/**
 * The quarter's report as a Word document: portrait pages for the cover, summary, exceptions and
 * profiles, then the appendix table on landscape pages; page numbers on every page.
 */
export function reportDocument(model: ReportModel): Document {
  return new Document({
    title: `${model.planName}: progress report, ${model.quarterWords}`,
    description: `Progress report for ${model.quarter}, as at ${model.dateText}`,
    creator: "Plan Tracker",
    styles: {
      // Arial 11pt as councils' papers are set; headings spaced so each part stands apart.
      default: {
        // British English, so spelling checks and screen readers read it as the council writes it.
        document: { run: { font: "Arial", size: 22, language: { value: "en-GB" } } },
        heading1: {
          run: { size: 32, bold: true, color: "1F3864" },
          paragraph: { spacing: { before: 360, after: 120 } },
        },
        heading2: {
          run: { size: 26, bold: true, color: "1F3864" },
          paragraph: { spacing: { before: 240, after: 80 } },
        },
        heading3: {
          run: { size: 24, bold: true, color: "2F5496" },
          paragraph: { spacing: { before: 240, after: 60 } },
        },
      },
    },
    sections: [
      {
        footers: pageNumberFooter(),
        children: [
          ...cover(model),
          ...summarySection(model),
          ...exceptionsSection(model),
          ...prioritiesSection(model),
        ],
      },
      {
        properties: { page: { size: { orientation: PageOrientation.LANDSCAPE } } },
        footers: pageNumberFooter(),
        children: appendixSection(model),
      },
    ],
  });
}

/** The .docx file's bytes. */
export async function reportDocx(model: ReportModel): Promise<Buffer> {
  return Packer.toBuffer(reportDocument(model));
}
