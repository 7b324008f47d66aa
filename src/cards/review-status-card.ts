import type { IsoDate } from "../domain/iso-date.ts";
import { formatLongDate } from "../domain/iso-date.ts";
import type { Quarter } from "../domain/quarter.ts";
import { type AdaptiveCardJson, adaptiveCard } from "./card-json.ts";
import { DEFAULT_CARD_TIME_ZONE } from "./date-time-text.ts";
import { heading, sectionTitle, textBlock } from "./elements.ts";
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
  timeZone?: string;
};

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
    sectionTitle(`Still to update (${countOf(owed, "action")})`),
    ...owedLines(input.owing),
    sectionTitle(`Awaiting sign-off (${input.awaiting.length})`),
    ...awaitingLines(input.awaiting, timeZone),
    sectionTitle(`Returned to the lead (${input.returned.length})`),
    ...returnedLines(input.returned),
  ]);
}
