import type { Action } from "../domain/action.ts";
import type { Update } from "../domain/update.ts";
import { actionHeader } from "./action-header.ts";
import { type AdaptiveCardJson, adaptiveCard, type CardElement } from "./card-json.ts";
import { DEFAULT_CARD_TIME_ZONE, formatDateTime } from "./date-time-text.ts";
import { decisionBox } from "./decision-text.ts";
import {
  column,
  columnSet,
  container,
  errorText,
  executeAction,
  refreshWith,
  textBlock,
} from "./elements.ts";
import { escapeCardText } from "./escape-card-text.ts";
import { quarterMonthsLabel } from "./quarter-label.ts";
import { ragBadge } from "./rag-badge.ts";
import { linkOrText } from "./safe-link.ts";
import { updateDetails } from "./update-details.ts";
import { CARD_VERBS, cardTarget } from "./verbs.ts";

export type SignOffInput = {
  action: Action;
  update: Update;
  /** The action's history in the Plan Tracker tab. */
  historyUrl?: string;
  /** `comment`: shown in red under the comment box, e.g. when Return was pressed without one. */
  errors?: { comment?: string };
  /** What the DMT member had typed, kept when the card is shown again. */
  draftComment?: string;
  /** A line above the decision, e.g. "Sam Patel decided this before you: nothing was changed." */
  note?: string;
  refreshUserIds?: string[];
  timeZone?: string;
  /** The action's plan, named when the store holds more than one (see `planLabels`). */
  planName?: string;
};

/** "Previous → proposed" with both ratings as colour and word. */
function ragChange(update: Update): CardElement {
  return columnSet(
    [
      column([textBlock("RAG", { isSubtle: true })], "auto"),
      column([ragBadge(update.previousRag)], "auto"),
      column([textBlock("\u2192")], "auto"),
      column([ragBadge(update.proposedRag)], "stretch"),
    ],
    { spacing: "medium" },
  );
}

/** The card every DMT member gets for an update awaiting sign-off, and its decided state. */
export function buildSignOffCard(input: SignOffInput): AdaptiveCardJson {
  const { action, update } = input;
  const timeZone = input.timeZone ?? DEFAULT_CARD_TIME_ZONE;
  const target = cardTarget(action, update.quarter);
  const body: CardElement[] = [
    ...actionHeader(
      action,
      `Sign-off: ${escapeCardText(action.ref)} for ${quarterMonthsLabel(update.quarter)}`,
      input.planName,
    ),
    textBlock(
      `Sent by ${escapeCardText(update.authorName)} on ${formatDateTime(update.submittedAt, timeZone)}`,
      { isSubtle: true, size: "small" },
    ),
    ragChange(update),
    ...updateDetails(action, update),
  ];
  if (input.historyUrl) {
    body.push(
      textBlock(linkOrText(`See ${action.ref}'s history in Plan Tracker`, input.historyUrl)),
    );
  }
  if (input.note)
    body.push(container([textBlock(escapeCardText(input.note))], { style: "warning" }));

  if (update.decision) {
    body.push(decisionBox(update.decision, timeZone));
    return adaptiveCard(body, {
      refresh: refreshWith(CARD_VERBS.refreshSignOff, target, input.refreshUserIds),
    });
  }

  body.push({
    type: "Input.Text",
    id: "comment",
    label: "Comment (needed to return it)",
    isMultiline: true,
    maxLength: 2000,
    placeholder: "What should the lead add or change?",
    ...(input.draftComment ? { value: input.draftComment } : {}),
  });
  if (input.errors?.comment) body.push(errorText(escapeCardText(input.errors.comment)));

  const decisionData = { ...target, revision: update.revision };
  return adaptiveCard(body, {
    actions: [
      executeAction("Approve", CARD_VERBS.approveUpdate, decisionData, {
        associatedInputs: "auto",
        style: "positive",
      }),
      executeAction("Return", CARD_VERBS.returnUpdate, decisionData, { associatedInputs: "auto" }),
    ],
    refresh: refreshWith(CARD_VERBS.refreshSignOff, target, input.refreshUserIds),
  });
}
