import { isSlowDecision, SLOW_DECISION_WORKING_DAYS } from "../domain/decision-rules.ts";
import type { IsoDate } from "../domain/iso-date.ts";
import { formatLongDate } from "../domain/iso-date.ts";
import type { Quarter } from "../domain/quarter.ts";
import { type AdaptiveCardJson, adaptiveCard } from "./card-json.ts";
import { DEFAULT_CARD_TIME_ZONE } from "./date-time-text.ts";
import { executeAction, heading, sectionTitle, subtleText, textBlock } from "./elements.ts";
import { escapeCardText } from "./escape-card-text.ts";
import { countOf } from "./list-text.ts";
import { quarterMonthsLabel } from "./quarter-label.ts";
import {
  type AwaitingItem,
  awaitingLines,
  type OwedGroup,
  owedLines,
  refCount,
} from "./review-lists.ts";
import { CARD_VERBS } from "./verbs.ts";

export type DmtOutstandingInput = {
  quarter: Quarter;
  reviewDate: IsoDate;
  owing: readonly OwedGroup[];
  /** With several plans, who owes what in each plan, under its name; absent with one plan. */
  owingByPlan?: ReadonlyArray<{ name: string; owing: readonly OwedGroup[] }>;
  /** Every update awaiting a decision, with how long it has waited. */
  awaiting: ReadonlyArray<AwaitingItem & { workingDaysWaiting: number }>;
  timeZone?: string;
};

/** Sent to DMT two working days before the review: who still owes what, and slow decisions. */
export function buildDmtOutstandingCard(input: DmtOutstandingInput): AdaptiveCardJson {
  const timeZone = input.timeZone ?? DEFAULT_CARD_TIME_ZONE;
  const owed = refCount(input.owing);
  const slow = input.awaiting.filter((item) => isSlowDecision(item.workingDaysWaiting));
  const recent = input.awaiting.length - slow.length;
  return adaptiveCard(
    [
      heading(`${quarterMonthsLabel(input.quarter)} review: two working days to go`),
      textBlock(`The review is on ${formatLongDate(input.reviewDate)}.`, { spacing: "small" }),
      sectionTitle(`Still to update (${countOf(owed, "action")})`),
      ...(input.owingByPlan
        ? input.owingByPlan.flatMap((plan) => [
            textBlock(`${escapeCardText(plan.name)} (${countOf(refCount(plan.owing), "action")})`, {
              weight: "bolder",
              spacing: "small",
            }),
            ...owedLines(plan.owing),
          ])
        : owedLines(input.owing)),
      sectionTitle(
        `Waiting more than ${SLOW_DECISION_WORKING_DAYS} working days for a decision (${slow.length})`,
      ),
      ...(slow.length > 0
        ? awaitingLines(slow, timeZone)
        : [subtleText("None: every update has had a decision or arrived recently.")]),
      ...(recent > 0
        ? [
            subtleText(
              `${countOf(recent, "more update")} ${recent === 1 ? "is" : "are"} awaiting a decision, sent more recently.`,
            ),
          ]
        : []),
    ],
    {
      actions: [executeAction("Review status", CARD_VERBS.askQuestion, { text: "review status" })],
    },
  );
}
