import { HeadingLevel, type Paragraph, type Table } from "docx";
import type { RagCounts } from "../signoff/summary-figures.ts";
import { bullet, heading, plain, table, textCell } from "./docx-parts.ts";
import type { ReportModel } from "./report-model.ts";

const COUNTED = ["Red", "Amber", "Green", "Unrated"] as const;

/** One row of counts: "3 (was 0)", this quarter's with last quarter's beside it. */
function countCells(label: string, now: RagCounts, before: RagCounts, bold = false) {
  return [
    textCell(label, { bold }),
    ...COUNTED.map((rag) =>
      textCell(now[rag] === before[rag] ? `${now[rag]}` : `${now[rag]} (was ${before[rag]})`, {
        bold,
      }),
    ),
  ];
}

/** "CSC-07 Title" without the title's closing full stop, so a colon can follow it. */
const named = (item: { ref: string; title: string }) =>
  `${item.ref} ${item.title.replace(/[.;:,\s]+$/, "")}`;

/** A list under a small heading, or one line saying there is nothing to list. */
function listOrNone(title: string, items: readonly string[], none: string): Paragraph[] {
  return [
    heading(title, HeadingLevel.HEADING_2),
    ...(items.length > 0 ? items.map(bullet) : [plain(none)]),
  ];
}

/** The summary a member can read in a minute: counts, movements, and what needs their attention. */
export function summarySection(model: ReportModel): Array<Paragraph | Table> {
  const s = model.summary;
  const rows = [
    ...s.byPriority.map((p) => countCells(p.name, p.thisQuarter, p.lastQuarter)),
    countCells("Whole plan (each action once)", s.totals.thisQuarter, s.totals.lastQuarter, true),
  ];
  const pending = s.awaiting.length;
  return [
    heading("Summary", HeadingLevel.HEADING_1),
    plain(
      `The plan has ${s.actionCount} actions. Progress in this report is what DMT has approved. ${
        pending === 0
          ? "No update is waiting for a decision."
          : `${pending} ${pending === 1 ? "update is" : "updates are"} still waiting for DMT's decision and ${pending === 1 ? "is" : "are"} listed below, not reported as progress.`
      }`,
    ),
    heading("RAG ratings by priority", HeadingLevel.HEADING_2),
    plain(
      `Actions by rating at the end of ${model.quarterWords}, as DMT approved the updates; where a count changed, "was" gives last quarter's (${model.lastQuarterWords}). An action with no approved update in a quarter keeps the rating it had; updates awaiting a decision are not counted.`,
    ),
    table(
      ["Priority", "Red", "Amber", "Green", "Not rated"],
      rows,
      [3000, 1500, 1500, 1500, 1500],
      {
        ragHeaders: true,
      },
    ),
    ...listOrNone(
      "Ratings that changed",
      s.movements,
      "No action's rating changed since last quarter.",
    ),
    ...listOrNone(
      "Overdue actions",
      s.overdue.map((o) => `${named(o)} (due ${o.dueText})`),
      "No action is overdue.",
    ),
    ...listOrNone(
      "Revised dates DMT approved",
      s.revisedDates.map(
        (r) => `${named(r)}: now due ${r.date}${r.reason ? ` (${r.reason})` : ""}`,
      ),
      "DMT approved no revised dates this quarter.",
    ),
    ...listOrNone(
      "Completions signed off",
      s.completions.map((c) => `${named(c)}`),
      "No action was signed off as complete this quarter.",
    ),
    ...listOrNone(
      "Awaiting DMT's decision (not yet agreed)",
      s.awaiting.map((a) => `${named(a)}: update from ${a.submittedBy}, not yet agreed`),
      "Nothing is waiting for a decision.",
    ),
    ...(s.returned.length > 0
      ? listOrNone(
          "Returned to the lead for more detail",
          s.returned.map((r) => `${named(r)}`),
          "",
        )
      : []),
  ];
}
