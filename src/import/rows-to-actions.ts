import type { Action } from "../domain/action.ts";
import { mapHeaders, type PlanField } from "../domain/headers.ts";
import type { Plan } from "../domain/plan.ts";
import { readPlanDate } from "../domain/plan-date.ts";
import { parseRag } from "../domain/rag-rules.ts";
import { EXPORT_ONLY_HEADERS } from "./plan-rows.ts";
import { readPriorities } from "./priority-cell.ts";
import type { Table } from "./read-table.ts";

export interface RowProblem {
  rowNumber: number;
  column: string;
  reason: string;
}

export interface ReadRows {
  actions: { rowNumber: number; action: Action }[];
  rejected: RowProblem[];
}

/** Turns a table into actions; each bad row is reported with its row number, column and why. */
export function rowsToActions(table: Table, plan: Plan): ReadRows | { headerProblem: string } {
  const mapped = mapHeaders(table.header);
  if (!mapped.ok) return { headerProblem: mapped.reason };
  const headerOf = new Map<PlanField, string>();
  for (const [index, field] of mapped.columns) headerOf.set(field, table.header[index] ?? field);

  const result: ReadRows = { actions: [], rejected: [] };
  const seen = new Map<string, number>();
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
    const developmentAction = cell("developmentAction");
    if (!developmentAction) problem("developmentAction", "the action text is empty");
    const lead = cell("lead");
    if (!lead) problem("lead", "no lead: write who leads the action, e.g. HoS / Service Manager");
    const date = readPlanDate(cell("completionDate"));
    if (!date.ok) problem("completionDate", date.reason);
    const rag = parseRag(cell("rag"));
    if (!rag.ok) problem("rag", rag.reason);
    const priorities = readPriorities(cell("priorities"), plan.priorities);
    if (!priorities.ok) problem("priorities", priorities.reason);

    if (problems.length > 0 || !date.ok || !rag.ok || !priorities.ok) {
      result.rejected.push(...problems);
      continue;
    }
    seen.set(ref, rowNumber);
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
  return result;
}

const simplifyHeader = (h: string) => h.toLowerCase().replace(/[^a-z0-9]/g, "");
const EXPORT_ONLY = new Set(EXPORT_ONLY_HEADERS.map(simplifyHeader));
