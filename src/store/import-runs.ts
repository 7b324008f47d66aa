import { randomUUID } from "node:crypto";
import { ActionSchema } from "../domain/action.ts";
import { actionDocumentId } from "../domain/document-id.ts";
import { forEachLimited } from "../for-each-limited.ts";
import { describeActionChange } from "./actions-repo.ts";
import { type Actor, type AuditEntry, stripSystemFields } from "./audit-log.ts";
import { paged } from "./query-pages.ts";
import type { Store } from "./store.ts";
import { translateStoreError } from "./store-errors.ts";

/**
 * An import writes its actions and their audit entries in separate requests (they live in
 * different partitions, so no transactional batch holds both), and a crash or a store that stops
 * can fall between the two. So each import that writes is a run, recorded in the audit log:
 * a "started" entry before the first write and a "finished" entry once every action it wrote has
 * its audit entry. A run with no "finished" entry stopped part-way; the next import of the plan
 * looks at the actions that run wrote (each carries the run and the id of its audit entry) and
 * records the entries that never arrived, then marks the run finished.
 */

const runsOf = (planId: string) => `import:${planId}`;

/** Records that an import of `planId` is about to write `rows` actions; gives the run's id. */
export async function startImportRun(
  store: Store,
  planId: string,
  actor: Actor,
  o: { file: string; rows: number },
): Promise<string> {
  const id = randomUUID();
  await store.audit.appendMany([
    {
      id,
      entity: runsOf(planId),
      actor,
      operation: "create",
      summary: `Import of ${o.file} started: ${o.rows} actions to write`,
      before: null,
      after: { state: "started", file: o.file, rows: o.rows },
      importRun: id,
    },
  ]);
  return id;
}

/** Records that every action the run wrote has its audit entry. */
export async function finishImportRun(
  store: Store,
  planId: string,
  run: string,
  actor: Actor,
  summary: string,
): Promise<void> {
  await store.audit.appendMany([
    {
      // One "finished" entry per run, however many imports find it unfinished at once.
      id: `${run}:finished`,
      entity: runsOf(planId),
      actor,
      operation: "replace",
      summary,
      before: { state: "started" },
      after: { state: "finished" },
      importRun: run,
    },
  ]);
}

/**
 * Finds the imports of `planId` that stopped before finishing and records every audit entry they
 * left missing, as the run would have written it: the change from the action's previous recorded
 * state to what the run stored, at the time the run stored it. Gives how many it recorded.
 */
export async function recordMissingAuditEntries(store: Store, planId: string): Promise<number> {
  const entries = await store.audit.history(runsOf(planId));
  const finished = new Set(
    entries.filter((e) => stateOf(e) === "finished").map((e) => e.importRun),
  );
  const stopped = entries.filter(
    (e) => stateOf(e) === "started" && e.importRun && !finished.has(e.importRun),
  );
  let recorded = 0;
  for (const start of stopped) {
    const run = start.importRun as string;
    const missing = await actionsMissingTheirEntry(store, planId, run);
    await forEachLimited(missing, 8, async ({ action, auditId, writtenAt }) => {
      // The previous state is what the action's last recorded entry left it as.
      const previous = (await store.audit.history(`action:${actionDocumentId(action.ref)}`)).at(-1);
      const before = previous?.after ? ActionSchema.parse(previous.after) : null;
      await store.audit.createUnlessThere({
        id: auditId,
        entity: `action:${actionDocumentId(action.ref)}`,
        // `_ts` has whole seconds: never before the entry it follows, so history keeps its order.
        at: previous && previous.at > writtenAt ? previous.at : writtenAt,
        actor: start.actor,
        operation: before ? "replace" : "create",
        summary: `${describeActionChange(before, action)} (recorded by a later import: the import that made this change stopped before recording it)`,
        before,
        after: action,
        importRun: run,
      });
      recorded++;
    });
    await finishImportRun(
      store,
      planId,
      run,
      start.actor,
      `Import checked after it stopped: ${missing.length} missing audit entries recorded`,
    );
  }
  return recorded;
}

const stateOf = (entry: AuditEntry): unknown => (entry.after as { state?: unknown } | null)?.state;

/** The actions as `run` stored them whose audit entry is not in the log. */
async function actionsMissingTheirEntry(store: Store, planId: string, run: string) {
  let stamped: { auditId: string; _ts: number }[];
  try {
    ({ resources: stamped } = await store.containers.actions.items
      .query<{ auditId: string; _ts: number }>(
        {
          query: "SELECT * FROM c WHERE c.planId = @planId AND c.importRun = @run",
          parameters: [
            { name: "@planId", value: planId },
            { name: "@run", value: run },
          ],
        },
        paged({ partitionKey: planId }),
      )
      .fetchAll());
  } catch (error) {
    return translateStoreError(error, "reading the plan's actions");
  }
  const recorded = await store.audit.idsOfRun(run);
  return stamped
    .filter((doc) => !recorded.has(doc.auditId))
    .map((doc) => ({
      action: ActionSchema.parse(stripSystemFields(doc)),
      auditId: doc.auditId,
      // `_ts` is when the store applied the write, in whole seconds.
      writtenAt: new Date(doc._ts * 1000).toISOString(),
    }));
}
