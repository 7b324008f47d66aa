import { isDeepStrictEqual } from "node:util";
import type { Action } from "../domain/action.ts";
import { DomainError } from "../domain/errors.ts";
import type { Plan } from "../domain/plan.ts";
import type { Actor } from "../store/audit-log.ts";
import type { Store } from "../store/store.ts";
import { readTable } from "./read-table.ts";
import { type RowProblem, rowsToActions } from "./rows-to-actions.ts";

export interface ImportReport {
  created: string[];
  updated: string[];
  unchanged: string[];
  rejected: RowProblem[];
  dryRun: boolean;
}

/**
 * Upserts a plan file's actions by Ref. Valid rows are written even when others are rejected
 * (unless `dryRun`); a file that can't be read at all changes nothing.
 */
export async function importPlanFile(
  store: Store,
  plan: Plan,
  path: string,
  o: { dryRun: boolean; actor: Actor },
): Promise<ImportReport> {
  const table = await readTable(path);
  const read = rowsToActions(table, plan);
  if ("headerProblem" in read)
    throw new DomainError("invalid_input", `${path}: ${read.headerProblem}`);
  const stored = new Map((await store.actions.list(plan.id)).map((a) => [a.ref, a]));
  const report: ImportReport = {
    created: [],
    updated: [],
    unchanged: [],
    rejected: read.rejected,
    dryRun: o.dryRun,
  };
  const writes: { action: Action; before: Action | null }[] = [];
  for (const { action } of read.actions) {
    const before = stored.get(action.ref) ?? null;
    // Sign-off is DMT's decision, never the spreadsheet's: keep it across re-imports.
    const next: Action = before ? { ...action, signedOff: before.signedOff } : action;
    if (!before) report.created.push(action.ref);
    else if (isDeepStrictEqual(before, next)) {
      report.unchanged.push(action.ref);
      continue;
    } else report.updated.push(action.ref);
    writes.push({ action: next, before });
  }
  if (!o.dryRun) await store.actions.saveMany(writes, o.actor);
  return report;
}
