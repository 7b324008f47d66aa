import { isDeepStrictEqual } from "node:util";
import type { Action } from "../domain/action.ts";
import { DomainError } from "../domain/errors.ts";
import type { Plan, Priority } from "../domain/plan.ts";
import type { Actor } from "../store/audit-log.ts";
import type { Store } from "../store/store.ts";
import { readPrioritiesTable } from "./priorities-file.ts";
import type { Table } from "./read-table.ts";

/** A workbook's Priorities sheet, read; undefined when the file has none. */
export function prioritiesFromSheet(table: Table, path: string): Priority[] | undefined {
  return table.priorities
    ? readPrioritiesTable(table.priorities, `the Priorities sheet of ${path}`)
    : undefined;
}

/**
 * A Priorities sheet replaces the plan's list: refused when a stored action the file does not
 * bring again serves a priority the sheet leaves out, so no action is left pointing at nothing.
 */
export function checkSheetKeepsPriorities(
  stored: readonly Action[],
  fileRefs: ReadonlySet<string>,
  priorities: readonly Priority[],
  path: string,
): void {
  const numbers = new Set(priorities.map((p) => p.number));
  const orphaned = stored.filter(
    (a) => !fileRefs.has(a.ref) && a.priorities.some((n) => !numbers.has(n)),
  );
  if (orphaned.length === 0) return;
  const missing = [...new Set(orphaned.flatMap((a) => a.priorities))].filter(
    (n) => !numbers.has(n),
  );
  throw new DomainError(
    "invalid_input",
    `${path}: the Priorities sheet leaves out ${missing.join(", ")}, which ${orphaned
      .map((a) => a.ref)
      .slice(0, 10)
      .join(
        ", ",
      )} in the plan serve: add ${missing.length === 1 ? "it" : "them"} to the sheet. Nothing was changed.`,
  );
}

/**
 * Writes the plan document when this import creates the plan (with at least one action) or
 * changes its priorities, before any action is written: an action never names a plan or a
 * priority the store does not know.
 */
export async function keepPlanDocument(
  store: Store,
  plan: Plan,
  o: { hasActions: boolean; actor: Actor },
): Promise<void> {
  const stored = await store.plans.get(plan.id);
  if (stored) {
    if (isDeepStrictEqual(stored.doc.priorities, plan.priorities)) return;
    await store.plans.replace(
      { ...stored.doc, priorities: plan.priorities },
      stored.etag,
      o.actor,
      stored.doc,
    );
  } else if (o.hasActions) await store.plans.save(plan, o.actor, null);
}
