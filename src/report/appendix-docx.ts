import { HeadingLevel, type Paragraph, type Table } from "docx";
import type { ActionProfile } from "./action-profile.ts";
import { heading, plain, ragCell, table, textCell } from "./docx-parts.ts";
import type { ReportModel } from "./report-model.ts";

/** The update's standing in words, so a row without progress says why. */
function statusText(p: ActionProfile): string {
  switch (p.thisQuarter.kind) {
    case "approved":
      return `Approved by ${p.thisQuarter.decidedBy}`;
    case "awaiting":
      return "Awaiting DMT's decision";
    case "returned":
      return "Returned to the lead";
    default:
      return "No update this quarter";
  }
}

function progressText(p: ActionProfile, quarter: string): string {
  if (p.thisQuarter.kind === "approved" && p.agreedProgress?.quarter === quarter)
    return p.agreedProgress.text;
  return "";
}

/**
 * Appendix A: the updated action plan, every action, as a table on landscape pages. Column widths
 * are twentieths of a point across an A4 landscape page's text width.
 */
export function appendixSection(model: ReportModel): Array<Paragraph | Table> {
  return [
    heading("Appendix A: the updated action plan", HeadingLevel.HEADING_1),
    plain(
      `Every action of ${model.planName}, with its rating and the progress DMT approved for ${model.quarterWords}.`,
    ),
    table(
      ["Ref", "Action", "Lead", "Due", "RAG", "Progress approved this quarter", "Update"],
      model.appendix.map((p) => [
        textCell(p.ref, { bold: true }),
        textCell(p.developmentAction),
        textCell(p.lead),
        textCell(p.overdue ? `${p.dueText} (overdue)` : p.dueText),
        ragCell(p.rag),
        textCell(progressText(p, model.quarter)),
        textCell(statusText(p)),
      ]),
      // Wide enough for "CSC-15", "30 September 2027" and "Amber" on one line each.
      [1150, 3150, 1700, 1500, 1100, 3900, 1400],
    ),
  ];
}
