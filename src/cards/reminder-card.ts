import type { Action } from "../domain/action.ts";
import { formatLongDate, type IsoDate } from "../domain/iso-date.ts";
import { planRefKey } from "../domain/plan-ref.ts";
import type { Quarter } from "../domain/quarter.ts";
import type { ReviewRound } from "../domain/review.ts";
import { actionRow } from "./action-row.ts";
import { type AdaptiveCardJson, adaptiveCard, type CardElement } from "./card-json.ts";
import { actionSet, executeAction, heading, sectionTitle, textBlock } from "./elements.ts";
import { escapeCardText } from "./escape-card-text.ts";
import { countOf } from "./list-text.ts";
import { quarterMonthsLabel } from "./quarter-label.ts";
import { CARD_VERBS, cardTarget } from "./verbs.ts";

export type ReminderInput = {
  leadName: string;
  round: ReviewRound;
  quarter: Quarter;
  /** The date updates are needed by. */
  reviewDate: IsoDate;
  /** The lead's actions that still need an update this quarter. */
  actions: readonly Action[];
  /**
   * The name of an action's plan, when the store holds several: the list is headed plan by plan
   * (actions come grouped by plan), so a lead of 1.1 in two plans sees which is which.
   */
  planNameOf?: (planId: string) => string | undefined;
  /** Per action (`planRefKey`), a line shown in place of that action's Update button. */
  marks?: Readonly<Record<string, ReminderMark>>;
};

export type ReminderMark = {
  /** Where its form went ("Form sent below"), or why none is needed ("Update sent on …"). */
  text: string;
  /** The update is sent (or not needed): the action is not counted as still needing one. */
  done?: boolean;
};

function headline({ round, quarter, reviewDate, actions, marks }: ReminderInput): string {
  const by = formatLongDate(reviewDate);
  const count = actions.filter((a) => !marks?.[planRefKey(a.planId, a.ref)]?.done).length;
  if (count === 0) return `All your updates for the ${quarterMonthsLabel(quarter)} review are in`;
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
 * leave this whole card to be redrawn. A form per action is also what "my actions" shows. The
 * buttons say they come from this list (`from: "list"`, with the round), so the form arrives as a
 * message of its own and this list is kept, with that action marked.
 */
export function buildReminderCard(input: ReminderInput): AdaptiveCardJson {
  const body: CardElement[] = [
    heading(headline(input)),
    textBlock(
      `Hello ${escapeCardText(input.leadName)}. Press Update on each action to fill in its form.`,
    ),
  ];
  let planShown: string | undefined;
  for (const action of input.actions) {
    const mark = input.marks?.[planRefKey(action.planId, action.ref)];
    const planName = input.planNameOf?.(action.planId);
    if (planName && action.planId !== planShown) {
      body.push(sectionTitle(escapeCardText(planName)));
      planShown = action.planId;
    }
    body.push(
      actionRow(action, { tappable: false }),
      mark
        ? textBlock(`\u2714 ${escapeCardText(mark.text)}`, { color: "good", spacing: "small" })
        : actionSet([
            executeAction(`Update ${action.ref}`, CARD_VERBS.editUpdate, {
              ...cardTarget(action, input.quarter),
              from: "list",
              round: input.round,
            }),
          ]),
    );
  }
  if (input.actions.length === 0) {
    body.push(textBlock("Nothing is waiting for you this quarter. Thank you."));
  }
  return adaptiveCard(body, {
    actions: [executeAction("My actions", CARD_VERBS.myActions, {})],
  });
}
