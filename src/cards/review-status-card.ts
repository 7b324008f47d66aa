import type { IsoDate } from "../domain/iso-date.ts";
import { formatLongDate } from "../domain/iso-date.ts";
import type { Quarter } from "../domain/quarter.ts";
import { type AdaptiveCardJson, adaptiveCard, type CardElement } from "./card-json.ts";
import { DEFAULT_CARD_TIME_ZONE } from "./date-time-text.ts";
import { heading, sectionTitle, textBlock } from "./elements.ts";
import { escapeCardText } from "./escape-card-text.ts";
import { countOf } from "./list-text.ts";
import { quarterMonthsLabel } from "./quarter-label.ts";
import {
  type AwaitingItem,
  awaitingLines,
  type OwedGroup,
  owedLines,
  type ReturnedItem,
  refCount,
  returnedLines,
} from "./review-lists.ts";

export type ReviewStatusInput = {
  quarter: Quarter;
  reviewDate: IsoDate;
  /** Who still owes an update, and for which Refs. */
  owing: readonly OwedGroup[];
  awaiting: readonly AwaitingItem[];
  returned: readonly ReturnedItem[];
  approvedCount: number;
  /**
   * With several plans, each plan's lists under its name (the lists above then give the counts
   * only); absent with one plan, whose card shows the lists above as it always did.
   */
  plans?: ReadonlyArray<PlanLists & { name: string }>;
  timeZone?: string;
};

type PlanLists = Pick<ReviewStatusInput, "owing" | "awaiting" | "returned">;

function listSections(lists: PlanLists, timeZone: string): CardElement[] {
  return [
    sectionTitle(`Still to update (${countOf(refCount(lists.owing), "action")})`),
    ...owedLines(lists.owing),
    sectionTitle(`Awaiting sign-off (${lists.awaiting.length})`),
    ...awaitingLines(lists.awaiting, timeZone),
    sectionTitle(`Returned to the lead (${lists.returned.length})`),
    ...returnedLines(lists.returned),
  ];
}

/** Where the open review stands: who owes what, what waits for DMT, what went back. */
export function buildReviewStatusCard(input: ReviewStatusInput): AdaptiveCardJson {
  const timeZone = input.timeZone ?? DEFAULT_CARD_TIME_ZONE;
  const owed = refCount(input.owing);
  const counts = [
    `${input.approvedCount} approved`,
    `${input.awaiting.length} awaiting sign-off`,
    `${input.returned.length} returned`,
    `${owed} still to update`,
  ].join(" \u00b7 ");
  return adaptiveCard([
    heading(`${quarterMonthsLabel(input.quarter)} review`),
    textBlock(`Review date: ${formatLongDate(input.reviewDate)}`, { spacing: "small" }),
    textBlock(counts, { weight: "bolder" }),
    ...(input.plans
      ? input.plans.flatMap((plan) => [
          heading(escapeCardText(plan.name)),
          ...listSections(plan, timeZone),
        ])
      : listSections(input, timeZone)),
  ]);
}
