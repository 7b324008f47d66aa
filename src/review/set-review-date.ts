import { quarterLabel, quarterStart, reviewRoundDates } from "../domain/calendar.ts";
import { DomainError } from "../domain/errors.ts";
import { formatLongDate, type IsoDate } from "../domain/iso-date.ts";
import { readPlanDate } from "../domain/plan-date.ts";
import type { Review } from "../domain/review.ts";
import type { Actor } from "../store/audit-log.ts";
import type { Store } from "../store/store.ts";
import { changeReview } from "./review-records.ts";
import { parseQuarter } from "./start-review.ts";

/** Reads a review date as people write it: 2027-01-15, 15/01/2027, 15 January 2027. */
export function readReviewDate(text: string): IsoDate {
  const read = readPlanDate(text);
  if (!read.ok || !read.value.due || read.value.milestones.length !== 1) {
    throw new DomainError(
      "invalid_input",
      `"${text}" is not a date I can read: write the review date like 15/01/2027 or 15 January 2027.`,
    );
  }
  return read.value.due;
}

/**
 * Moves a quarter's review date (`review set-date`). The reminder rounds are counted back from
 * the new date; rounds already sent stay sent.
 */
export async function setReviewDate(
  store: Store,
  quarterText: string,
  dateText: string,
  actor: Actor,
): Promise<{ review: Review; rounds: ReturnType<typeof reviewRoundDates> }> {
  const quarter = parseQuarter(quarterText);
  const date = readReviewDate(dateText);
  if (date < quarterStart(quarter)) {
    throw new DomainError(
      "invalid_input",
      `${formatLongDate(date)} is before ${quarterLabel(quarter)} begins: a quarter is reviewed during or after it.`,
    );
  }
  const review = await changeReview(
    store,
    quarter,
    (current) => ({ ...current, reviewDate: date, dateOverridden: true }),
    actor,
  );
  return { review, rounds: reviewRoundDates(date) };
}
