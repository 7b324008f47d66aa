import { isDeepStrictEqual } from "node:util";
import type { Action } from "../domain/action.ts";
import { actionDocumentId } from "../domain/document-id.ts";
import { DomainError, isDomainError } from "../domain/errors.ts";
import { canonicalHeader } from "../domain/header-names.ts";
import type { HeaderMap, HeaderReading } from "../domain/headers.ts";
import type { Plan, Priority } from "../domain/plan.ts";
import type { Actor } from "../store/audit-log.ts";
import {
  finishImportRun,
  recordMissingAuditEntries,
  startImportRun,
} from "../store/import-runs.ts";
import type { Store } from "../store/store.ts";
import {
  checkSheetKeepsPriorities,
  keepPlanDocument,
  prioritiesFromSheet,
} from "./plan-document.ts";
import { readTable, type Table } from "./read-table.ts";
import { type RowProblem, rowsToActions } from "./rows-to-actions.ts";
import type { TextEncoding } from "./text-encoding.ts";

export interface ImportReport {
  created: string[];
  updated: string[];
  unchanged: string[];
  rejected: RowProblem[];
  /** Rows stored with a cell to fix (words instead of a date, a formula without its value). */
  warnings: RowProblem[];
  /** Each header of the file and the field it was read as, or that it is kept as an extra column. */
  headers: HeaderReading[];
  /** How a CSV's bytes were read; absent for Excel files. */
  encoding?: TextEncoding;
  /** What of the file's layout was left out (title rows above the header, sheets without actions). */
  layout?: string[];
  dryRun: boolean;
  /** The plan the rows went into (or would, on a dry run). */
  plan: { id: string; name: string };
  /** Priorities the file's Priority cells defined or first named, in the order met. */
  addedPriorities: Priority[];
  /** The plan's priorities as a Priorities sheet set them, when the file had one. */
  prioritiesSet?: Priority[];
  /** Audit entries an earlier import of the plan left missing when it stopped, recorded now. */
  auditRepaired: number;
}

/**
 * Upserts a plan file's actions by Ref. Valid rows are written even when others are rejected
 * (unless `dryRun`); a file that can't be read at all changes nothing. First it records any audit
 * entry an earlier import left missing when it stopped (see import-runs.ts), so every stored action
 * has its history before this import compares it. When the store stops answering part-way, the
 * error says how many rows were saved and that the same import, run again, finishes the job.
 */
export async function importPlanFile(
  store: Store,
  plan: Plan,
  path: string,
  o: {
    dryRun: boolean;
    actor: Actor;
    maps?: readonly HeaderMap[];
    /** The file's rows for this plan, already read (a file whose Plan column names several plans). */
    table?: Table;
    /** The file's Plan column chose the plan: the report says it was read, not skipped. */
    planColumn?: boolean;
  },
): Promise<ImportReport> {
  const table = o.table ?? (await readTable(path));
  const sheet = prioritiesFromSheet(table, path);
  const read = rowsToActions(table, sheet ? { ...plan, priorities: sheet } : plan, {
    maps: o.maps ?? [],
    planColumn: o.planColumn ?? false,
    ...(sheet ? { prioritiesFixedBy: `the Priorities sheet of ${path}` } : {}),
  });
  if ("headerProblem" in read)
    throw new DomainError("invalid_input", `${path}: ${read.headerProblem}`);
  const auditRepaired = o.dryRun ? 0 : await recordMissingAuditEntries(store, plan.id);
  const stored = new Map((await store.actions.list(plan.id)).map((a) => [a.ref, a]));
  if (sheet) {
    const fileRefs = new Set(read.actions.map((r) => r.action.ref));
    checkSheetKeepsPriorities([...stored.values()], fileRefs, sheet, path);
  }
  const report: ImportReport = {
    created: [],
    updated: [],
    unchanged: [],
    rejected: read.rejected,
    warnings: read.warnings,
    headers: read.headers,
    ...(table.encoding ? { encoding: table.encoding } : {}),
    ...(table.layout ? { layout: table.layout } : {}),
    dryRun: o.dryRun,
    plan: { id: plan.id, name: plan.name },
    addedPriorities: read.addedPriorities,
    ...(sheet ? { prioritiesSet: sheet } : {}),
    auditRepaired,
  };
  // "1/2a" is stored as "1~2F2a" (see document-id.ts): a new Ref whose key is a stored action's
  // key under another spelling would overwrite that action, so its row is refused instead.
  const storedById = new Map([...stored.values()].map((a) => [actionDocumentId(a.ref), a.ref]));
  const writes: { action: Action; before: Action | null }[] = [];
  for (const { rowNumber, action } of read.actions) {
    const sameKey = storedById.get(actionDocumentId(action.ref));
    if (!stored.has(action.ref) && sameKey !== undefined) {
      report.rejected.push({
        rowNumber,
        column: read.headers.find((h) => h.field === canonicalHeader("ref"))?.header ?? "Ref",
        reason: `${action.ref} would be stored under the same key as the plan's action ${sameKey}: change this Ref`,
      });
      continue;
    }
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
  if (!o.dryRun) {
    await keepPlanDocument(
      store,
      { ...plan, priorities: read.priorities },
      { hasActions: read.actions.length > 0, actor: o.actor },
    );
  }
  if (o.dryRun || writes.length === 0) return report;
  const run = await startImportRun(store, plan.id, o.actor, { file: path, rows: writes.length });
  let saved = 0;
  try {
    await store.actions.saveMany(writes, o.actor, {
      id: run,
      onSaved: (count) => {
        saved += count;
      },
    });
    await finishImportRun(
      store,
      plan.id,
      run,
      o.actor,
      `Import of ${path} finished: ${report.created.length} created, ${report.updated.length} updated`,
    );
  } catch (error) {
    if (isDomainError(error) && error.code === "store_unavailable")
      throw storeStopped(Math.min(saved, writes.length), writes.length);
    throw error;
  }
  return report;
}

/** "Nothing was changed" would be wrong here: say what was saved and how to finish. */
function storeStopped(saved: number, total: number): DomainError {
  const count = (n: number) => n.toLocaleString("en-GB");
  return new DomainError(
    "store_unavailable",
    `The plan store stopped answering part-way through the import: ${count(saved)} of the ${count(total)} new or changed rows were saved before it stopped. Run the same import again once the store is back to finish it; the rows already saved will show as unchanged.`,
  );
}
