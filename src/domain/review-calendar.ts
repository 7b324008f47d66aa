import {
  defaultReviewDate,
  nextQuarter,
  previousQuarter,
  quarterOf,
  reviewRoundDates,
} from "./calendar.ts";
import type { IsoDate } from "./iso-date.ts";
import type { Quarter } from "./quarter.ts";
import { REVIEW_ROUNDS, type Review, type ReviewRound } from "./review.ts";

/** A quarter's review date: the one an admin set with `review set-date`, else the default. */
export function reviewDateOf(
  quarter: Quarter,
  review: Pick<Review, "reviewDate"> | null | undefined,
): IsoDate {
  return review?.reviewDate ?? defaultReviewDate(quarter);
}

/**
 * The quarters whose review could be under way today: this quarter's, the next one's (a date set
 * early) and the previous one's (a date moved past the quarter's end, e.g. 2026-Q3 on 15 January).
 */
export function candidateQuarters(today: IsoDate): Quarter[] {
  const current = quarterOf(today);
  return [previousQuarter(current), current, nextQuarter(current)];
}

/**
 * The next review: the earliest candidate whose review date is today or later. Normally the
 * current quarter's, or the next quarter's once this one's date has passed.
 */
export function nextReviewQuarter(today: IsoDate, dateOf: (quarter: Quarter) => IsoDate): Quarter {
  const upcoming = candidateQuarters(today)
    .map((quarter) => ({ quarter, date: dateOf(quarter) }))
    .filter(({ date }) => date >= today)
    .sort((a, b) => a.date.localeCompare(b.date) || a.quarter.localeCompare(b.quarter));
  return upcoming[0]?.quarter ?? nextQuarter(quarterOf(today));
}

/** The rounds whose day has come by `today` (and not after the review itself), in order. */
export function roundsCome(reviewDate: IsoDate, today: IsoDate): ReviewRound[] {
  if (today > reviewDate) return [];
  const dates = reviewRoundDates(reviewDate);
  return REVIEW_ROUNDS.filter((round) => dates[round] <= today);
}

/** What a run sends: one round, and every round it stands for (recorded as sent). */
export interface RoundPlan {
  round: ReviewRound;
  covers: ReviewRound[];
}

/**
 * The round a daily run sends today, if any. After downtime several rounds may have come at once;
 * leads then get one message (the latest round's), which covers the earlier ones, rather than two
 * messages on the same morning. A round already sent is never sent again.
 */
export function scheduledRound(
  reviewDate: IsoDate,
  roundsSent: readonly ReviewRound[],
  today: IsoDate,
): RoundPlan | null {
  const come = roundsCome(reviewDate, today);
  const latest = come.at(-1);
  if (!latest || roundsSent.includes(latest)) return null;
  return { round: latest, covers: come };
}

/**
 * `start review`: opens the review now with the opening round. Rounds whose day has already come
 * are covered by it, so no chaser follows the next morning. Nothing when it is already open.
 */
export function openingRound(
  reviewDate: IsoDate,
  roundsSent: readonly ReviewRound[],
  today: IsoDate,
): RoundPlan | null {
  if (roundsSent.includes("open")) return null;
  const come = roundsCome(reviewDate, today);
  return { round: "open", covers: [...new Set<ReviewRound>(["open", ...come])] };
}
