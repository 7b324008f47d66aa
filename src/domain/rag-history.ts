import type { Action } from "./action.ts";
import type { Quarter } from "./quarter.ts";
import type { Rag } from "./rag.ts";
import type { Update } from "./update.ts";

const approved = (update: Update): boolean =>
  update.state === "approved" || update.decision?.outcome === "approved";

/**
 * An action's official RAG at the end of a quarter, as the stored updates record it: the RAG of
 * its latest update DMT approved by then; failing that, the RAG the next update was sent against
 * (what the plan said until then). `undefined` when no update records it. `updates` are the
 * action's own, any quarter, any order.
 */
export function recordedRagAt(
  updates: readonly Update[],
  quarter: Quarter,
): Rag | null | undefined {
  let latest: Update | undefined;
  let next: Update | undefined;
  for (const update of updates) {
    if (update.quarter <= quarter) {
      if (approved(update) && (!latest || later(update, latest))) latest = update;
    } else if (!next || later(next, update)) next = update;
  }
  if (latest) return latest.proposedRag;
  return next ? next.previousRag : undefined;
}

/** The official RAG at the end of a quarter; with no update on record, the plan's own RAG. */
export function officialRagAt(
  action: Pick<Action, "rag">,
  updates: readonly Update[],
  quarter: Quarter,
): Rag | null {
  const recorded = recordedRagAt(updates, quarter);
  return recorded === undefined ? action.rag : recorded;
}

/** Whether `a` comes after `b`: a later quarter, then a later revision, then sent later. */
function later(a: Update, b: Update): boolean {
  if (a.quarter !== b.quarter) return a.quarter > b.quarter;
  if (a.revision !== b.revision) return a.revision > b.revision;
  return a.submittedAt > b.submittedAt;
}
