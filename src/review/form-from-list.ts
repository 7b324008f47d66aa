import { formatDateTime } from "../cards/date-time-text.ts";
import type { ReminderMark } from "../cards/reminder-card.ts";
import type { Action } from "../domain/action.ts";
import { quarterLabel } from "../domain/calendar.ts";
import { isOwed } from "../domain/lead-assignment.ts";
import { requireCapability } from "../domain/permissions.ts";
import type { Quarter } from "../domain/quarter.ts";
import type { ReviewRound } from "../domain/review.ts";
import type { Update } from "../domain/update.ts";
import type { FeatureDeps } from "../feature-deps.ts";
import type { Card, CardActionTurn } from "../messaging.ts";
import type { ActionCache } from "./action-cache.ts";
import {
  formSentAt,
  leadListCard,
  listFormKey,
  revisionOf,
  sentEarlier,
} from "./lead-list-card.ts";
import { missingActionCard } from "./notices.ts";
import { currentUpdateCard } from "./update-cards.ts";

export interface ListPress {
  ref: string;
  planId: string;
  quarter: Quarter;
  round: ReviewRound;
}

/**
 * "Update CSC-07" pressed on a reminder list. The form comes as a message of its own, so the lead
 * keeps the list to work down; the list answers the press with that action marked "Form sent
 * below". The form's key makes a double press send one form; once the update is sent, the list
 * says so instead of sending another form.
 */
export async function sendFormFromList(
  deps: FeatureDeps,
  cache: ActionCache,
  turn: CardActionTurn,
  press: ListPress,
): Promise<Card> {
  const { ref, planId, quarter } = press;
  const action = await cache.get(deps.store, ref, planId);
  if (!action) return missingActionCard(ref);
  requireCapability(turn.person, "submitUpdate", action);
  const update = (await deps.store.updates.get(quarter, ref, planId))?.doc ?? null;
  const mark = isOwed(action, update ?? undefined)
    ? await sendForm(deps, turn, action, quarter, update)
    : noFormNeeded(action, update, deps.config.REVIEW_TIMEZONE);
  return leadListCard(deps, {
    person: turn.person,
    quarter,
    round: press.round,
    pressed: { ref, planId, mark },
  });
}

async function sendForm(
  deps: FeatureDeps,
  turn: CardActionTurn,
  action: Action,
  quarter: Quarter,
  update: Update | null,
): Promise<ReminderMark> {
  const key = listFormKey(quarter, action, turn.person.id, revisionOf(update));
  const card = await currentUpdateCard(deps, action, quarter, turn.person, update);
  const { queued } = await deps.messenger.send({
    key,
    to: turn.person.id,
    card,
    summary: `${action.ref}: your update for ${quarterLabel(quarter)}`,
  });
  if (queued) {
    // The form goes to the lead's 1:1 chat; a list in a channel or group chat says where.
    return {
      text:
        turn.scope === "personal" ? "Form sent below" : "Form sent to your chat with Plan Tracker",
    };
  }
  const sentAt = await formSentAt(deps, key);
  return {
    text: sentAt
      ? sentEarlier(sentAt, deps.config.REVIEW_TIMEZONE)
      : "Form sent to your chat with Plan Tracker",
  };
}

/** Why a press brought no form: the update is in, or the action needs none. */
function noFormNeeded(action: Action, update: Update | null, timeZone: string): ReminderMark {
  if (update?.state === "approved") {
    const when = update.decision
      ? ` by ${update.decision.byName} on ${formatDateTime(update.decision.at, timeZone)}`
      : "";
    return { text: `Update approved${when}: nothing more is needed`, done: true };
  }
  if (update?.state === "submitted") {
    return {
      text: `Update sent by ${update.authorName} on ${formatDateTime(update.submittedAt, timeZone)}, awaiting sign-off. To change it, press Edit my update on its card or type \u201cmy actions\u201d`,
      done: true,
    };
  }
  return {
    text: action.signedOff
      ? "Signed off by DMT: no update is needed"
      : "Marked complete: no update is needed",
    done: true,
  };
}
