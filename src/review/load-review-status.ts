import { todayIn } from "../domain/calendar.ts";
import type { Quarter } from "../domain/quarter.ts";
import type { Store } from "../store/store.ts";
import { everyPlansActions } from "./every-plan.ts";
import { currentReviewQuarter, readReview } from "./review-records.ts";
import { type ReviewStatus, reviewStatus } from "./review-status.ts";
import { parseQuarter } from "./start-review.ts";

/** The state of the current review (or of `quarter`) over every plan, read from the store. */
export async function loadReviewStatus(
  store: Store,
  now: Date,
  timeZone: string,
  quarter?: string,
): Promise<ReviewStatus> {
  const q: Quarter = quarter
    ? parseQuarter(quarter)
    : await currentReviewQuarter(store, todayIn(timeZone, now));
  const [review, { actions, labels }, people, updates] = await Promise.all([
    readReview(store, q),
    everyPlansActions(store),
    store.people.list(),
    store.updates.forQuarter(q),
  ]);
  return reviewStatus({
    quarter: q,
    reviewDate: review.reviewDate,
    review,
    actions,
    people,
    updates,
    planNameOf: labels.nameOf,
  });
}
