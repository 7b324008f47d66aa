import { stringify } from "csv-stringify/sync";
import { PLAN_COLUMNS } from "../domain/headers.ts";
import { guardFormulaCell } from "../import/formula-cells.ts";
import { EXPORT_ONLY_HEADERS, type PlanRow } from "./plan-rows.ts";

// The latest update's and decision's fields, in EXPORT_ONLY_HEADERS' order after "Signed Off".
const UPDATE_CELLS = [
  "quarter",
  "progress",
  "difference",
  "nextSteps",
  "proposedRag",
  "state",
  "by",
  "at",
] as const;
const DECISION_CELLS = ["outcome", "by", "at", "comment"] as const;

/**
 * The plan as CSV in the sample file's layout, so an exported file imports back unchanged. No cell
 * starts with a formula character (see ../import/formula-cells.ts), so opening it in Excel runs nothing.
 */
export function planRowsToCsv(rows: PlanRow[], o: { planColumn?: boolean } = {}): string {
  const extraHeaders = [...new Set(rows.flatMap((r) => Object.keys(r.extra)))];
  // "Plan" leads the export-only columns in the list; it is written first, and only for several plans.
  const [planHeader, ...exportOnly] = EXPORT_ONLY_HEADERS;
  const header = [
    ...(o.planColumn ? [planHeader as string] : []),
    ...PLAN_COLUMNS.map((c) => c.header),
    ...extraHeaders,
    ...exportOnly,
  ];
  const lines = rows.map((r) => [
    ...(o.planColumn ? [r.planName] : []),
    ...PLAN_COLUMNS.map((c) => planCell(r, c.field)),
    ...extraHeaders.map((h) => r.extra[h] ?? ""),
    r.signedOff ? "Yes" : "No",
    ...UPDATE_CELLS.map((k) => r.latestUpdate?.[k] ?? ""),
    ...DECISION_CELLS.map((k) => r.latestDecision?.[k] ?? ""),
  ]);
  return stringify([header, ...lines].map((cells) => cells.map(guardFormulaCell)));
}

function planCell(r: PlanRow, field: (typeof PLAN_COLUMNS)[number]["field"]): string {
  switch (field) {
    case "priorities":
      return r.priorities.join(";");
    case "rag":
      // "Completed" reads back as Green and complete, keeping the flag through a round trip.
      return r.complete ? "Completed" : (r.rag ?? "");
    case "completionDate":
      return r.completionDate;
    default:
      return String(r[field] ?? "");
  }
}
