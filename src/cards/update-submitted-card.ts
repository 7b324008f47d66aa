import type { Action } from "../domain/action.ts";
import type { Update } from "../domain/update.ts";
import { actionHeader, labelledRag } from "./action-header.ts";
import { type AdaptiveCardJson, adaptiveCard, type CardAction } from "./card-json.ts";
import { DEFAULT_CARD_TIME_ZONE, formatDateTime } from "./date-time-text.ts";
import { decisionBox } from "./decision-text.ts";
import { container, executeAction, refreshWith, textBlock } from "./elements.ts";
import { escapeCardText } from "./escape-card-text.ts";
import { quarterMonthsLabel } from "./quarter-label.ts";
import { updateDetails } from "./update-details.ts";
import { CARD_VERBS, cardTarget } from "./verbs.ts";

export type UpdateSubmittedInput = {
  action: Action;
  update: Update;
  refreshUserIds?: string[];
  /** An extra line, e.g. "Your update was saved." or why an edit was refused. */
  note?: string;
  timeZone?: string;
  /** The action's plan, named when the store holds more than one (see `planLabels`). */
  planName?: string;
};

/**
 * What replaces the update form once it is sent: a read-only copy of the update, its state and,
 * while DMT has not decided, a way to change it.
 */
export function buildUpdateSubmittedCard(input: UpdateSubmittedInput): AdaptiveCardJson {
  const { action, update } = input;
  const timeZone = input.timeZone ?? DEFAULT_CARD_TIME_ZONE;
  const target = cardTarget(action, update.quarter);
  const sent = `Sent by ${escapeCardText(update.authorName)} on ${formatDateTime(update.submittedAt, timeZone)}`;
  const status = update.decision
    ? decisionBox(update.decision, timeZone)
    : container(
        [
          textBlock("Submitted, awaiting sign-off", { weight: "bolder", color: "accent" }),
          textBlock("DMT will approve it or return it with a comment.", { spacing: "small" }),
        ],
        { style: "accent" },
      );
  const actions: CardAction[] = [];
  if (!update.decision)
    actions.push(executeAction("Edit my update", CARD_VERBS.editUpdate, target));
  // A returned update is meant to be revised; an approved one is final.
  if (update.decision?.outcome === "returned") {
    actions.push(executeAction("Revise my update", CARD_VERBS.editUpdate, target));
  }
  return adaptiveCard(
    [
      ...actionHeader(
        action,
        `${escapeCardText(action.ref)} update for ${quarterMonthsLabel(update.quarter)}`,
        input.planName,
      ),
      status,
      ...(input.note ? [textBlock(escapeCardText(input.note))] : []),
      textBlock(sent, { isSubtle: true, size: "small" }),
      labelledRag("Proposed RAG", update.proposedRag),
      ...updateDetails(action, update),
    ],
    { actions, refresh: refreshWith(CARD_VERBS.refreshUpdate, target, input.refreshUserIds) },
  );
}
