import type { Action } from "../domain/action.ts";
import type { Quarter } from "../domain/quarter.ts";
import type { Update } from "../domain/update.ts";
import { actionHeader, labelledRag } from "./action-header.ts";
import { type AdaptiveCardJson, adaptiveCard, type CardElement } from "./card-json.ts";
import { DEFAULT_CARD_TIME_ZONE, formatInstantDate } from "./date-time-text.ts";
import {
  container,
  executeAction,
  refreshWith,
  sectionTitle,
  subtleText,
  textBlock,
} from "./elements.ts";
import { escapeCardText } from "./escape-card-text.ts";
import { quarterMonthsLabel } from "./quarter-label.ts";
import { paperAnswerBlocks } from "./update-details.ts";
import {
  errorSummary,
  type RagSuggestion,
  type UpdateFormDraft,
  type UpdateFormErrors,
  updateFormFields,
} from "./update-form-fields.ts";
import { CARD_VERBS, cardTarget } from "./verbs.ts";

export type UpdateFormInput = {
  action: Action;
  quarter: Quarter;
  /** The rating the plan's key points to, pre-selected; null when there is nothing to suggest. */
  suggestion: RagSuggestion | null;
  lastApproved?: Update | null;
  /** Values to pre-fill: after an error, after Return, or when editing a sent update. */
  draft?: UpdateFormDraft;
  errors?: UpdateFormErrors;
  /** A line at the top, e.g. "Returned by Sam Patel on 3 December 2026: please add the audit figures". */
  banner?: string;
  /** The update's revision this form was built from (0 before the first submission). */
  revision: number;
  /** Teams users whose copy refreshes itself when opened (Universal Actions `refresh`). */
  refreshUserIds?: string[];
  timeZone?: string;
  /** The action's plan, named when the store holds more than one (see `planLabels`). */
  planName?: string;
};

function lastApprovedSection(update: Update | null | undefined, timeZone: string): CardElement[] {
  if (!update) return [sectionTitle("Last approved update"), subtleText("No earlier update")];
  const when = formatInstantDate(update.decision?.at ?? update.submittedAt, timeZone);
  return [
    sectionTitle("Last approved update"),
    subtleText(`${escapeCardText(update.authorName)}, approved ${when}`),
    labelledRag("Rating", update.proposedRag),
    textBlock(escapeCardText(update.progress), { spacing: "small" }),
    // Last quarter's answers, so the lead can build on them rather than start again.
    ...paperAnswerBlocks(update, "subtle"),
  ];
}

/** The quarterly update form for one action, sent to its lead. */
export function buildUpdateFormCard(input: UpdateFormInput): AdaptiveCardJson {
  const { action, quarter, errors = {} } = input;
  const timeZone = input.timeZone ?? DEFAULT_CARD_TIME_ZONE;
  const target = cardTarget(action, quarter);
  const body: CardElement[] = [
    ...actionHeader(
      action,
      `Update ${escapeCardText(action.ref)} for ${quarterMonthsLabel(quarter)}`,
      input.planName,
    ),
    labelledRag("Official RAG", action.rag),
    ...(input.banner
      ? [container([textBlock(escapeCardText(input.banner))], { style: "warning" })]
      : []),
    ...errorSummary(errors),
    ...lastApprovedSection(input.lastApproved, timeZone),
    sectionTitle("Your update"),
    ...updateFormFields({ suggestion: input.suggestion, draft: input.draft, errors }),
  ];
  const submit = executeAction(
    "Submit update",
    CARD_VERBS.submitUpdate,
    { ...target, revision: input.revision },
    { associatedInputs: "auto", style: "positive" },
  );
  return adaptiveCard(body, {
    actions: [submit],
    refresh: refreshWith(CARD_VERBS.refreshUpdate, target, input.refreshUserIds),
  });
}
