/**
 * The trend across quarters. Every rating here is `officialRagAt`'s, the same rule a question's
 * "what was red last quarter" and DMT's summary use: the RAG of the latest update DMT approved by
 * the end of the quarter. A quarter with no approval keeps the rating already agreed (an action
 * nobody updated did not stop being Amber; whether it was updated is the review status's question);
 * before any approval it is the RAG the first update was sent against, and with no update at all the
 * plan's own. Updates awaiting a decision or returned never count.
 */
import type { Action } from "./action.ts";
import { nextQuarter } from "./calendar.ts";
import type { Quarter } from "./quarter.ts";
import type { Rag } from "./rag.ts";
import { officialRagAt } from "./rag-history.ts";
import type { Update } from "./update.ts";

/** How many actions stood at each rating; `Unrated` is an action with no RAG yet. */
export type RagMix = Record<Rag | "Unrated", number>;

/** One quarter's mix, for a chart's bar or a table's row. */
export interface QuarterMix {
  quarter: Quarter;
  mix: RagMix;
}

export const emptyMix = (): RagMix => ({ Red: 0, Amber: 0, Green: 0, Unrated: 0 });

/** Each action's updates of every quarter, by Ref, found once. */
export function updatesByRef(updates: readonly Update[]): Map<string, Update[]> {
  const byRef = new Map<string, Update[]>();
  for (const u of updates) {
    const list = byRef.get(u.ref);
    if (list) list.push(u);
    else byRef.set(u.ref, [u]);
  }
  return byRef;
}

/** The plan's RAG mix at the end of `quarter`: every action in `actions` once. */
export function ragMixAt(
  actions: readonly Pick<Action, "ref" | "rag">[],
  byRef: ReadonlyMap<string, readonly Update[]>,
  quarter: Quarter,
): RagMix {
  const mix = emptyMix();
  for (const action of actions)
    mix[officialRagAt(action, byRef.get(action.ref) ?? [], quarter) ?? "Unrated"] += 1;
  return mix;
}

/** The RAG mix at the end of each quarter asked for, oldest first as given. */
export function ragMixByQuarter(
  actions: readonly Pick<Action, "ref" | "rag">[],
  updates: readonly Update[],
  quarters: readonly Quarter[],
): QuarterMix[] {
  const byRef = updatesByRef(updates);
  return quarters.map((quarter) => ({ quarter, mix: ragMixAt(actions, byRef, quarter) }));
}

/** One action's rating at the end of each quarter asked for. */
export function actionRagByQuarter(
  action: Pick<Action, "ref" | "rag">,
  ownUpdates: readonly Update[],
  quarters: readonly Quarter[],
): Array<{ quarter: Quarter; rag: Rag | null }> {
  return quarters.map((quarter) => ({ quarter, rag: officialRagAt(action, ownUpdates, quarter) }));
}

/**
 * The quarters a trend covers: from the first quarter any update was written for, up to and
 * including `upTo` (the current quarter), so a quarter nobody updated still has its bar. Empty when
 * nothing has been written yet: there is no history to show.
 */
export function trendQuarters(
  updates: readonly Pick<Update, "quarter">[],
  upTo: Quarter,
): Quarter[] {
  let first: Quarter | undefined;
  for (const u of updates)
    if (u.quarter <= upTo && (!first || u.quarter < first)) first = u.quarter;
  if (!first) return [];
  const quarters: Quarter[] = [];
  for (let q = first; q <= upTo; q = nextQuarter(q)) quarters.push(q);
  return quarters;
}
