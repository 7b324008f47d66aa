import { formatDateTime } from "../cards/date-time-text.ts";
import { executeAction } from "../cards/elements.ts";
import { buildNoticeCard } from "../cards/notice-card.ts";
import { CARD_VERBS } from "../cards/verbs.ts";
import { actionTitle } from "../domain/action.ts";
import { SLOW_DECISION_WORKING_DAYS } from "../domain/decision-rules.ts";
import type { IsoDate } from "../domain/iso-date.ts";
import { actionKey, planRefKey } from "../domain/plan-ref.ts";
import { type Update, updatePlanId } from "../domain/update.ts";
import type { FeatureDeps } from "../feature-deps.ts";
import type { Card } from "../messaging.ts";
import { everyPlansActions, type PlanLabels, refInPlan } from "../review/every-plan.ts";
import { dmtMembers } from "./dmt-cards.ts";
import { decisionReminderKey } from "./signoff-keys.ts";
import { slowDecisions, type WaitingUpdate } from "./slow-decisions.ts";

/** "1.1", or "1.1 (SEND plan)" when several plans may each have a 1.1. */
function refOf(update: Update, labels: PlanLabels): string {
  return refInPlan({ ref: update.ref, planId: updatePlanId(update) }, labels);
}

function reminderCard(
  waiting: readonly WaitingUpdate[],
  titles: ReadonlyMap<string, string>,
  labels: PlanLabels,
  timeZone: string,
): Card {
  const count = waiting.length;
  return buildNoticeCard({
    title: `${count} ${count === 1 ? "update has" : "updates have"} waited more than ${SLOW_DECISION_WORKING_DAYS} working days for a decision`,
    lines: [
      ...waiting.map(
        ({ update, workingDaysWaiting }) =>
          `${refOf(update, labels)} ${titles.get(planRefKey(updatePlanId(update), update.ref)) ?? ""} \u2014 sent by ${update.authorName} on ${formatDateTime(update.submittedAt, timeZone)}, waiting ${workingDaysWaiting} working days`,
      ),
      "Each has a sign-off card in your chat with Plan Tracker: approve it, or return it with a comment.",
    ],
    buttons: [executeAction("Review status", CARD_VERBS.askQuestion, { text: "review status" })],
  });
}

/**
 * Reminds every DMT member of slow decisions (updates waiting more than `SLOW_DECISION_WORKING_DAYS`
 * working days), in one message a day at most (the key carries the date). With several plans each
 * line names its plan.
 * Returns the Refs listed.
 */
export async function remindSlowDecisions(deps: FeatureDeps, today: IsoDate): Promise<string[]> {
  const timeZone = deps.config.REVIEW_TIMEZONE;
  const waiting = slowDecisions(await deps.store.updates.all(), today, timeZone);
  if (waiting.length === 0) return [];
  // Each update's title comes from its own plan's action: two plans may each have a 1.1.
  const { actions, labels } = await everyPlansActions(deps.store);
  const titles = new Map(actions.map((a) => [actionKey(a), actionTitle(a, 90)]));
  const card = reminderCard(waiting, titles, labels, timeZone);
  const refs = waiting.map((w) => w.update.ref);
  const named = waiting.map((w) => refOf(w.update, labels));
  const summary = `${refs.length} ${refs.length === 1 ? "update is" : "updates are"} waiting for a DMT decision: ${named.join(", ")}.`;
  for (const member of await dmtMembers(deps.store)) {
    await deps.messenger.send({
      key: decisionReminderKey(today, member.id),
      to: member.id,
      card,
      summary,
    });
  }
  return refs;
}
