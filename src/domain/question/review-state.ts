import type { Action } from "../action.ts";
import type { Quarter } from "../quarter.ts";
import type { Rag } from "../rag.ts";
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
 * updated" is an open action with no update this quarter; "changed RAG" compares this quarter's
 * approved rating with last quarter's approved one, or with the rating it replaced.
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
    case "changedRag":
      return changedRag(updates, currentQuarter);
  }
}

function changedRag(updates: Update[], currentQuarter: Quarter): boolean {
  const now = latestApproved(updates, currentQuarter);
  if (!now) return false;
  const before: Rag | null =
    latestApproved(updates, shiftQuarter(currentQuarter, -1))?.proposedRag ?? now.previousRag;
  return now.proposedRag !== before;
}

function latestApproved(updates: Update[], quarter: Quarter): Update | undefined {
  return updates
    .filter((update) => update.quarter === quarter && update.state === "approved")
    .sort((a, b) => b.revision - a.revision || b.submittedAt.localeCompare(a.submittedAt))[0];
}
