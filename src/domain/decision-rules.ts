import type { Action } from "./action.ts";
import { formatLongDate } from "./iso-date.ts";
import type { Person } from "./person.ts";
import type { Decision, Update } from "./update.ts";

/**
 * A decision is slow once its update has waited more than this many working days: DMT is reminded
 * of it each working day, and the card two days before the review lists it apart.
 */
export const SLOW_DECISION_WORKING_DAYS = 5;

/** Whether an update that has waited this many working days (see `workingDaysBetween`) is slow. */
export function isSlowDecision(workingDaysWaiting: number): boolean {
  return workingDaysWaiting > SLOW_DECISION_WORKING_DAYS;
}

/** What a DMT member asked for by pressing Approve or Return on a card of one revision. */
export interface DecisionRequest {
  outcome: Decision["outcome"];
  /** The update revision the pressed card showed. */
  revision: number;
  comment: string;
}

export type DecisionCheck =
  | { ok: true }
  | { ok: false; reason: "already_decided"; decision: Decision }
  | { ok: false; reason: "stale_revision"; currentRevision: number }
  | { ok: false; reason: "comment_required" };

/**
 * Whether a press may become the update's decision. The first decision stands; a card showing an
 * older revision (the lead edited since) must not approve text its presser never saw; returning
 * without saying why leaves the lead nothing to act on.
 */
export function checkDecision(update: Update, request: DecisionRequest): DecisionCheck {
  if (update.decision) return { ok: false, reason: "already_decided", decision: update.decision };
  if (request.revision !== update.revision) {
    return { ok: false, reason: "stale_revision", currentRevision: update.revision };
  }
  if (request.outcome === "returned" && request.comment.trim() === "") {
    return { ok: false, reason: "comment_required" };
  }
  return { ok: true };
}

/** The update with the decision written in: one write that makes it approved or returned. */
export function recordDecision(
  update: Update,
  decider: Pick<Person, "id" | "name">,
  request: DecisionRequest,
  at: Date,
): Update {
  return {
    ...update,
    state: request.outcome,
    decision: {
      outcome: request.outcome,
      by: decider.id,
      byName: decider.name,
      at: at.toISOString(),
      comment: request.comment.trim(),
    },
  };
}

/** Completion is signed off only when the lead asked for it and gave evidence to look at. */
export function completionSignedOff(update: Update): boolean {
  return update.proposeCompletion && update.evidenceUrl.trim() !== "";
}

/**
 * The action as an approved update makes it: the proposed RAG becomes official, a requested
 * revised date becomes the completion date, and completion with evidence signs the action off.
 * Pure and idempotent (applying it to its own result changes nothing), so a retry or a repair after
 * a crash can run it again safely.
 */
export function approvedAction(action: Action, update: Update): Action {
  const next: Action = { ...action, rag: update.proposedRag };
  if (update.revisedDate) {
    next.completionDate = {
      text: formatLongDate(update.revisedDate),
      due: update.revisedDate,
      tbc: false,
      milestones: [update.revisedDate],
    };
  }
  if (completionSignedOff(update)) {
    next.complete = true;
    next.signedOff = true;
  }
  return next;
}

/** Whether approving `update` would change `action` at all (false once it has been applied). */
export function approvalChanges(action: Action, update: Update): boolean {
  const next = approvedAction(action, update);
  return (
    next.rag !== action.rag ||
    next.completionDate.due !== action.completionDate.due ||
    next.completionDate.text !== action.completionDate.text ||
    next.complete !== action.complete ||
    next.signedOff !== action.signedOff
  );
}

/**
 * Whether an approval still has to be applied to its action after a crash between the two writes.
 * Any change to the action recorded at or after the decision means it was applied, or deliberately
 * superseded (a later import or approval), and must not be undone by re-applying an old decision.
 */
export function approvalNeedsApplying(
  action: Action,
  update: Update,
  actionChangeTimes: readonly string[],
): boolean {
  const decision = update.decision;
  if (decision?.outcome !== "approved") return false;
  if (!approvalChanges(action, update)) return false;
  return !actionChangeTimes.some((at) => at >= decision.at);
}
