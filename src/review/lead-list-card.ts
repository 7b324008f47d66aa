import { formatDateTime } from "../cards/date-time-text.ts";
import { buildReminderCard, type ReminderMark } from "../cards/reminder-card.ts";
import { actionsLedBy, byPlanAndRef, isOwed } from "../domain/lead-assignment.ts";
import type { Person } from "../domain/person.ts";
import { actionKey, planRefKey, quarterOfPlan } from "../domain/plan-ref.ts";
import type { Quarter } from "../domain/quarter.ts";
import type { ReviewRound } from "../domain/review.ts";
import { type Update, updatesByAction } from "../domain/update.ts";
import type { FeatureDeps } from "../feature-deps.ts";
import type { Card } from "../messaging.ts";
import { everyPlansActions } from "./every-plan.ts";
import { readReview } from "./review-records.ts";

/**
 * The key of an update form sent from a reminder list: one per quarter, action, lead and the
 * update's revision. A double press queues one form; after DMT returns the update (a new
 * revision) a press sends a fresh form, filled with what was sent.
 */
export const listFormKey = (
  quarter: Quarter,
  action: { ref: string; planId: string },
  personId: string,
  revision: number,
): string => `form:${quarterOfPlan(quarter, action.planId)}:${action.ref}:${personId}:${revision}`;

/** The revision a form for this update starts from: 0 when nothing is stored yet. */
export const revisionOf = (update: Update | null | undefined): number => update?.revision ?? 0;

export interface LeadListRequest {
  person: Person;
  quarter: Quarter;
  /** Which reminder this list is drawn as: its headline ("Reminder: …", "Last reminder: …"). */
  round: ReviewRound;
  /** The action just pressed, with what became of it; listed even when nothing is owed for it. */
  pressed?: { ref: string; planId: string; mark: ReminderMark };
}

/**
 * A lead's reminder list as it stands now: the actions they still owe this quarter, each with
 * its Update button, or marked where a form from a list was already sent (so the lead can find
 * it rather than ask twice). The pressed action keeps its row, with its mark.
 */
export async function leadListCard(deps: FeatureDeps, request: LeadListRequest): Promise<Card> {
  const { person, quarter, pressed } = request;
  const [review, { actions, labels }, updates] = await Promise.all([
    readReview(deps.store, quarter),
    everyPlansActions(deps.store),
    deps.store.updates.forQuarter(quarter),
  ]);
  const updateOf = updatesByAction(updates);
  const pressedKey = pressed && planRefKey(pressed.planId, pressed.ref);
  const mine = actionsLedBy(person, actions).sort(byPlanAndRef);
  const listed = mine.filter(
    (a) => isOwed(a, updateOf.get(actionKey(a))) || actionKey(a) === pressedKey,
  );
  const marks: Record<string, ReminderMark> = {};
  await Promise.all(
    listed.map(async (action) => {
      if (actionKey(action) === pressedKey) return;
      const key = listFormKey(
        quarter,
        action,
        person.id,
        revisionOf(updateOf.get(actionKey(action))),
      );
      const sentAt = await formSentAt(deps, key);
      if (sentAt)
        marks[actionKey(action)] = { text: sentEarlier(sentAt, deps.config.REVIEW_TIMEZONE) };
    }),
  );
  if (pressed && pressedKey) marks[pressedKey] = pressed.mark;
  return buildReminderCard({
    leadName: person.name,
    round: request.round,
    quarter,
    reviewDate: review.reviewDate,
    actions: listed,
    marks,
    planNameOf: labels.nameOf,
  });
}

/** When the message under `key` was queued, if it was. */
export async function formSentAt(
  deps: Pick<FeatureDeps, "store">,
  key: string,
): Promise<string | null> {
  return (await deps.store.outbox.findByKey(key))?.doc.queuedAt ?? null;
}

/** "Form sent to your chat on 18 December 2026 at 09:31": it is further up the chat. */
export function sentEarlier(queuedAt: string, timeZone: string): string {
  return `Form sent to your chat with Plan Tracker on ${formatDateTime(queuedAt, timeZone)}`;
}
