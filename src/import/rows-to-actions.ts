import type { Action } from "../domain/action.ts";
import { actionDocumentId } from "../domain/document-id.ts";
import {
  type HeaderMap,
  type HeaderReading,
  mapHeaders,
  type PlanField,
} from "../domain/headers.ts";
import type { Plan, Priority } from "../domain/plan.ts";
import { readPlanDate } from "../domain/plan-date.ts";
import { parseRag } from "../domain/rag-rules.ts";
import { EXPORT_ONLY_HEADERS } from "../export/plan-rows.ts";
import { PLAN_COLUMN_NOTE } from "./plan-column.ts";
import { PriorityReader } from "./priority-cell.ts";
import type { CellNote, Table } from "./read-table.ts";
import { EXPORT_ONLY_NOTE } from "./report-headers.ts";

export interface RowProblem {
  rowNumber: number;
  column: string;
  reason: string;
}

export interface ReadRows {
  actions: { rowNumber: number; action: Action }[];
  rejected: RowProblem[];
  /**
   * Cells kept with a caveat, listed for someone to fix: words instead of a date (the action is
   * stored with no due date), an Excel formula without its value, an error such as #REF!.
   */
  warnings: RowProblem[];
  /** How each header of the file was read, or that it is kept as an extra column. */
  headers: HeaderReading[];
  /** The plan's priorities after this file: its own, then those the file defined. */
  priorities: Priority[];
  /** Priorities the file's Priority cells defined or first named, in the order met. */
  addedPriorities: Priority[];
}

export interface ReadOptions {
  /** `--map "Header=Field"` choices, applied before headers are matched by name. */
  maps?: readonly HeaderMap[];
  /** Where the plan's priorities were set outright (a Priorities sheet): cells may not add to them. */
  prioritiesFixedBy?: string;
  /** The file's Plan column chose each row's plan: its header is reported as read, not skipped. */
  planColumn?: boolean;
}

/** Turns a table into actions; each bad row is reported with its row number, column and why. */
export function rowsToActions(
  table: Table,
  plan: Plan,
  options: ReadOptions = {},
): ReadRows | { headerProblem: string; headers: HeaderReading[] } {
  const mapped = mapHeaders(table.header, options.maps);
  if (!mapped.ok) return { headerProblem: mapped.reason, headers: mapped.readings };
  const headerOf = new Map<PlanField, string>();
  for (const [index, field] of mapped.columns) headerOf.set(field, table.header[index] ?? field);

  const priorityReader = new PriorityReader(plan.priorities, options.prioritiesFixedBy);
  const result: ReadRows = {
    actions: [],
    rejected: [],
    warnings: [],
    headers: readHeaders(mapped.readings, options.planColumn ?? false),
    priorities: [],
    addedPriorities: [],
  };
  const seen = new Map<string, number>();
  // "1/2a" is stored as "1~2F2a" (see document-id.ts): the same key written both ways is refused.
  const seenIds = new Map<string, string>();
  const notesByRow = new Map<number, CellNote[]>();
  for (const note of table.notes ?? [])
    notesByRow.set(note.rowNumber, [...(notesByRow.get(note.rowNumber) ?? []), note]);
  // Plans laid out in Word or Excel merge the Section and Delivery Area cells down a group of
  // actions; exported, only the first row of the group carries the text, so it is carried down.
  let carried = { section: "", deliveryArea: "" };
  for (const { rowNumber, cells } of table.rows) {
    if (cells.every((c) => c.trim() === "")) continue;
    const cell = (field: PlanField): string => {
      for (const [index, f] of mapped.columns) if (f === field) return (cells[index] ?? "").trim();
      return "";
    };
    const problems: RowProblem[] = [];
    const problem = (field: PlanField, reason: string) =>
      problems.push({ rowNumber, column: headerOf.get(field) ?? field, reason });

    const ref = cell("ref");
    if (!ref)
      problem("ref", "the Ref is empty: every action needs a unique reference such as CSC-07");
    else if (seen.has(ref))
      problem("ref", `${ref} is also on row ${seen.get(ref)}: each Ref must be unique`);
    else if (actionDocumentId(ref).length > MAX_ID_LENGTH)
      problem(
        "ref",
        `the Ref is ${ref.length} characters long: shorten it to a short code such as CSC-07`,
      );
    else if (seenIds.has(actionDocumentId(ref)))
      problem(
        "ref",
        `${ref} would be stored under the same key as ${seenIds.get(actionDocumentId(ref))}: change one of the two Refs`,
      );
    const developmentAction = cell("developmentAction");
    if (!developmentAction) problem("developmentAction", "the action text is empty");
    const lead = cell("lead");
    if (!lead) problem("lead", "no lead: write who leads the action, e.g. HoS / Service Manager");
    const date = readPlanDate(cell("completionDate"));
    if (!date.ok) problem("completionDate", date.reason);
    const warnings: RowProblem[] = [];
    if (date.ok && date.warning)
      warnings.push({
        rowNumber,
        column: headerOf.get("completionDate") ?? "",
        reason: date.warning,
      });
    for (const note of notesByRow.get(rowNumber) ?? []) {
      const column = table.header[note.column] || `Column ${note.column + 1}`;
      warnings.push({ rowNumber, column, reason: note.reason });
    }
    const rag = parseRag(cell("rag"));
    if (!rag.ok) problem("rag", rag.reason);
    const priorities = priorityReader.read(cell("priorities"));
    if (!priorities.ok) problem("priorities", priorities.reason);

    if (problems.length > 0 || !date.ok || !rag.ok || !priorities.ok) {
      result.rejected.push(...problems);
      continue;
    }
    result.warnings.push(...warnings);
    seen.set(ref, rowNumber);
    seenIds.set(actionDocumentId(ref), `${ref} on row ${rowNumber}`);
    // Only a row that is kept defines priorities: a rejected row's new names wait for its fix.
    priorityReader.accept(priorities.pending);
    carried = {
      section: cell("section") || carried.section,
      deliveryArea: cell("deliveryArea") || carried.deliveryArea,
    };
    const extra: Record<string, string> = {};
    for (const [index, header] of mapped.extra) {
      if (EXPORT_ONLY.has(simplifyHeader(header))) continue;
      const value = (cells[index] ?? "").trim();
      if (value) extra[header] = value;
    }
    result.actions.push({
      rowNumber,
      action: {
        ref,
        planId: plan.id,
        priorities: priorities.value,
        section: carried.section,
        deliveryArea: carried.deliveryArea,
        developmentAction,
        expectedOutcome: cell("expectedOutcome"),
        lead,
        completionDate: date.value,
        rag: rag.rag,
        complete: rag.complete,
        signedOff: false,
        actionWeWillTake: cell("actionWeWillTake"),
        howWillWeKnow: cell("howWillWeKnow"),
        progressUpdate: cell("progressUpdate"),
        extra,
      },
    });
  }
  result.priorities = priorityReader.priorities;
  result.addedPriorities = priorityReader.added;
  return result;
}

/** Cosmos DB ids are at most 255 characters. */
const MAX_ID_LENGTH = 255;

const simplifyHeader = (h: string) => h.toLowerCase().replace(/[^a-z0-9]/g, "");
const EXPORT_ONLY = new Set(EXPORT_ONLY_HEADERS.map(simplifyHeader));

/**
 * The report's header lines: a column only export writes is not read back, and says so; the Plan
 * column, when it chose each row's plan, says that instead.
 */
const readHeaders = (readings: HeaderReading[], planColumn: boolean): HeaderReading[] =>
  readings.map((h) => {
    if (h.field !== null) return h;
    if (planColumn && simplifyHeader(h.header) === "plan") return { ...h, note: PLAN_COLUMN_NOTE };
    return EXPORT_ONLY.has(simplifyHeader(h.header)) ? { ...h, note: EXPORT_ONLY_NOTE } : h;
  });
