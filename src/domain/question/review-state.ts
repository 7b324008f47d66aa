import type { Action } from "../action.ts";
import type { Quarter } from "../quarter.ts";
import type { Rag } from "../rag.ts";
import { officialRagAt, recordedRagAt } from "../rag-history.ts";
import type { Update } from "../update.ts";
import { shiftQuarter } from "./fiscal-calendar.ts";
import type { ReviewFilter } from "./query.ts";

/** An action's updates, one list per Ref, so each review question is a quick look-up. */
export type UpdatesByRef = Map<string, Update[]>;

export function groupUpdates(updates: Update[]): UpdatesByRef {
  const byRef: UpdatesByRef = new Map();
  for (const update of updates) {
    const list = byRef.get(update.ref) ?? [];
    list.push(update);
    byRef.set(update.ref, list);
  }
  return byRef;
}

export const isClosed = (action: Pick<Action, "complete" | "signedOff">): boolean =>
  action.complete || action.signedOff;

/**
 * The review states: awaiting sign-off and returned are this quarter's update's state; "not
 * updated" is an open action with no update this quarter; "changed RAG", "worse" and "better"
 * compare the official rating at the end of the quarter with the one at the end of the quarter
 * before (see `recordedRagAt`), as DMT's summary counts movements.
 */
export function reviewMatches(
  filter: ReviewFilter,
  action: Action,
  updates: Update[],
  currentQuarter: Quarter,
): boolean {
  const thisQuarter = updates.filter((update) => update.quarter === currentQuarter);
  switch (filter.kind) {
    case "awaitingSignOff":
      return thisQuarter.some((update) => update.state === "submitted");
    case "returned":
      return thisQuarter.some((update) => update.state === "returned");
    case "approved":
      return thisQuarter.some((update) => update.state === "approved");
    case "updated":
      return thisQuarter.length > 0;
    case "notUpdated":
      return !isClosed(action) && thisQuarter.length === 0;
    case "updatedSince":
      return updates.some((update) => update.submittedAt.slice(0, 10) >= filter.date);
    case "changedRag": {
      const move = ragMove(action, updates, currentQuarter);
      return move !== null && move !== 0;
    }
    case "worse":
      return (ragMove(action, updates, currentQuarter) ?? 0) > 0;
    case "better":
      return (ragMove(action, updates, currentQuarter) ?? 0) < 0;
  }
}

/**
 * How an action's official RAG moved from the end of the quarter before to the end of this one
 * (now, for the current quarter), from the approved updates; null when no update records where it
 * stood before, or it was unrated at either end.
 */
function ragMove(action: Action, updates: Update[], quarter: Quarter): number | null {
  const before = recordedRagAt(updates, shiftQuarter(quarter, -1));
  const now = officialRagAt(action, updates, quarter);
  if (!before || !now) return before === undefined || before === now ? null : Number.NaN;
  return SEVERITY[now] - SEVERITY[before];
}

const SEVERITY: Record<Rag, number> = { Green: 0, Amber: 1, Red: 2 };
