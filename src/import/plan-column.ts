import { planNameKey } from "../domain/plan-names.ts";
import type { Table } from "./read-table.ts";
import type { RowProblem } from "./rows-to-actions.ts";

/** The report's note on a Plan column an import read: each row went to the plan its cell names. */
export const PLAN_COLUMN_NOTE = "read as the plan each row goes into";

/** Where the file's Plan column is (export writes it first for several plans), or -1. */
export function planColumnIndex(header: readonly string[]): number {
  return header.findIndex((h) => h.toLowerCase().replace(/[^a-z0-9]/g, "") === "plan");
}

/** The rows one plan's cells name, as a table of their own (row numbers kept for the report). */
export interface PlanRows {
  /** The name as the first row that names the plan writes it. */
  name: string;
  table: Table;
}

/**
 * `import` with `--plan NAME` and a Plan column: rows whose Plan cell names another plan are
 * refused, not moved into NAME, since that would put another plan's actions (and its Refs) into
 * this one. A row with an empty Plan cell goes to NAME, as rows do in a file without the column.
 */
export function rowsForNamedPlan(
  table: Table,
  column: number,
  plan: string,
): { table: Table; rejected: RowProblem[] } {
  const header = table.header[column] ?? "Plan";
  const rejected: RowProblem[] = [];
  const rows = table.rows.filter(({ rowNumber, cells }) => {
    const named = (cells[column] ?? "").trim();
    if (!named || planNameKey(named) === planNameKey(plan) || isBlankRow(cells)) return true;
    rejected.push({
      rowNumber,
      column: header,
      reason: `this row is in the plan "${named}", not "${plan}": import without --plan to put each row into the plan its Plan cell names, or change the cell`,
    });
    return false;
  });
  return { table: { ...table, rows }, rejected };
}

/**
 * `import` without `--plan` and a Plan column (an export of every plan, edited): each row goes to
 * the plan its cell names, matched as plan names are (any case, any spacing). A row with an empty
 * cell goes to the one plan there is when the store and the file know only one; with several it is
 * refused, because guessing would put an action into the wrong plan. `plans` are the store's names.
 */
export function rowsByPlan(
  table: Table,
  column: number,
  plans: readonly string[],
): { groups: PlanRows[]; rejected: RowProblem[] } {
  const header = table.header[column] ?? "Plan";
  const groups = new Map<string, PlanRows>();
  const unnamed: Table["rows"] = [];
  for (const row of table.rows) {
    const named = (row.cells[column] ?? "").trim();
    if (!named) {
      if (!isBlankRow(row.cells)) unnamed.push(row);
      continue;
    }
    const key = planNameKey(named);
    const group = groups.get(key) ?? { name: named, table: { ...table, rows: [] } };
    group.table.rows.push(row);
    groups.set(key, group);
  }
  const known = new Map(plans.map((name) => [planNameKey(name), name]));
  for (const [key, group] of groups) if (!known.has(key)) known.set(key, group.name);
  const rejected: RowProblem[] = [];
  const [only, ...others] = [...known.entries()];
  if (only && others.length === 0 && groups.size > 0) {
    const group = groups.get(only[0]) as PlanRows;
    group.table.rows.push(...unnamed);
    group.table.rows.sort((a, b) => a.rowNumber - b.rowNumber);
  } else if (groups.size > 0) {
    const names = [...known.values()].map((n) => `"${n}"`).join(", ");
    for (const { rowNumber } of unnamed)
      rejected.push({
        rowNumber,
        column: header,
        reason: `the Plan cell is empty and there are several plans (${names}): write the plan's name in it, or import with --plan "NAME" to put the rows without one into that plan`,
      });
  }
  return { groups: [...groups.values()], rejected };
}

const isBlankRow = (cells: readonly string[]) => cells.every((c) => c.trim() === "");
