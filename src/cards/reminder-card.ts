import type { Action } from "../domain/action.ts";
import { formatLongDate, type IsoDate } from "../domain/iso-date.ts";
import type { Quarter } from "../domain/quarter.ts";
import type { ReviewRound } from "../domain/review.ts";
import { actionRow } from "./action-row.ts";
import { type AdaptiveCardJson, adaptiveCard, type CardElement } from "./card-json.ts";
import { actionSet, executeAction, heading, textBlock } from "./elements.ts";
import { escapeCardText } from "./escape-card-text.ts";
import { countOf } from "./list-text.ts";
import { quarterMonthsLabel } from "./quarter-label.ts";
import { CARD_VERBS } from "./verbs.ts";

export type ReminderInput = {
  leadName: string;
  round: ReviewRound;
  quarter: Quarter;
  /** The date updates are needed by. */
  reviewDate: IsoDate;
  /** The lead's actions that still need an update this quarter. */
  actions: readonly Action[];
};

function headline({ round, quarter, reviewDate, actions }: ReminderInput): string {
  const by = formatLongDate(reviewDate);
  const count = actions.length;
  if (round === "open") {
    return `The ${quarterMonthsLabel(quarter)} review is open \u2014 please update your ${countOf(count, "action")} by ${by}`;
  }
  const needed = `${countOf(count, "update")} still needed`;
  return round === "chase" ? `Reminder: ${needed} by ${by}` : `Last reminder: ${needed} by ${by}`;
}

/**
 * One message per lead per round. Each action has an "Update CSC-07" button that brings up that
 * action's own update form, rather than the form folded into this card (Action.ShowCard): fifteen
 * forms would pass Teams' size limit, would repeat input ids in one card, and a sent form would
 * leave this whole card to be redrawn. A form per action is also what "my actions" shows.
 */
export function buildReminderCard(input: ReminderInput): AdaptiveCardJson {
  const body: CardElement[] = [
    heading(headline(input)),
    textBlock(
      `Hello ${escapeCardText(input.leadName)}. Press Update on each action to fill in its form.`,
    ),
  ];
  for (const action of input.actions) {
    body.push(
      actionRow(action, { tappable: false }),
      actionSet([
        executeAction(`Update ${action.ref}`, CARD_VERBS.editUpdate, {
          ref: action.ref,
          quarter: input.quarter,
        }),
      ]),
    );
  }
  if (input.actions.length === 0) {
    body.push(textBlock("All your actions are updated for this quarter. Thank you."));
  }
  return adaptiveCard(body, {
    actions: [executeAction("My actions", CARD_VERBS.myActions, {})],
  });
}
