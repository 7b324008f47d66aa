import { type Action, actionTitle } from "../domain/action.ts";
import type { Update } from "../domain/update.ts";
import { labelledRag } from "./action-header.ts";
import { type AdaptiveCardJson, adaptiveCard, type CardElement } from "./card-json.ts";
import { DEFAULT_CARD_TIME_ZONE } from "./date-time-text.ts";
import { decisionBox } from "./decision-text.ts";
import { executeAction, factSet, heading, textBlock } from "./elements.ts";
import { escapeCardText } from "./escape-card-text.ts";
import { quarterMonthsLabel } from "./quarter-label.ts";
import { CARD_VERBS, cardTarget } from "./verbs.ts";

export type OutcomeInput = {
  action: Action;
  /** The decided update (its `decision` says approved or returned). */
  update: Update;
  /**
   * The plan's name when the store holds several plans (two plans may each have a 1.1, so the
   * card says which); left out with one plan, so its card looks as it always did.
   */
  planName?: string;
  timeZone?: string;
};

/** "Plan  SEND Improvement Plan" under the title, only when the card must say which plan. */
function planFact(planName: string | undefined): CardElement[] {
  return planName ? [factSet([["Plan", escapeCardText(planName)]])] : [];
}

/** Tells a lead DMT's decision on their update; a returned one comes with a way to revise it. */
export function buildOutcomeCard(input: OutcomeInput): AdaptiveCardJson {
  const { action, update } = input;
  const timeZone = input.timeZone ?? DEFAULT_CARD_TIME_ZONE;
  const ref = escapeCardText(action.ref);
  const quarter = quarterMonthsLabel(update.quarter);
  const decision = update.decision;
  if (!decision) {
    return adaptiveCard([
      heading(`Your ${quarter} update on ${ref} is awaiting sign-off`),
      textBlock(escapeCardText(actionTitle(action))),
      ...planFact(input.planName),
    ]);
  }
  const approved = decision.outcome === "approved";
  const body = [
    heading(`Your ${quarter} update on ${ref} was ${approved ? "approved" : "returned"}`),
    textBlock(escapeCardText(actionTitle(action)), { spacing: "small" }),
    ...planFact(input.planName),
    decisionBox(decision, timeZone),
    labelledRag(approved ? "RAG now" : "You proposed", update.proposedRag),
    textBlock(
      approved
        ? "Thank you. Nothing more is needed on this action for this quarter."
        : "Please revise your update and send it again. What you wrote is kept in the form.",
    ),
  ];
  const actions = approved
    ? []
    : [
        executeAction(
          "Revise my update",
          CARD_VERBS.editUpdate,
          cardTarget(action, update.quarter),
        ),
      ];
  return adaptiveCard(body, { actions });
}
