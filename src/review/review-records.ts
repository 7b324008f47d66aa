import type { Clock } from "../clock.ts";
import { previousQuarter, quarterOf } from "../domain/calendar.ts";
import { DomainError } from "../domain/errors.ts";
import type { IsoDate } from "../domain/iso-date.ts";
import type { Quarter } from "../domain/quarter.ts";
import type { Review, ReviewRound } from "../domain/review.ts";
import { candidateQuarters, nextReviewQuarter, reviewDateOf } from "../domain/review-calendar.ts";
import { type Actor, SYSTEM_ACTOR } from "../store/audit-log.ts";
import type { Store } from "../store/store.ts";

/** A quarter's review as stored, or as it will be (default date, nothing sent) when none is. */
export async function readReview(store: Store, quarter: Quarter): Promise<Review> {
  const found = await store.reviews.get(quarter);
  return found?.doc ?? blankReview(quarter);
}

export function blankReview(quarter: Quarter): Review {
  return {
    id: quarter,
    quarter,
    reviewDate: reviewDateOf(quarter, null),
    dateOverridden: false,
    state: "scheduled",
    openedAt: null,
    roundsSent: [],
  };
}

/**
 * Applies `change` to the stored review (created when absent), retrying when another instance or
 * the CLI changed it meanwhile: every write is conditional on the ETag it read.
 */
export async function changeReview(
  store: Store,
  quarter: Quarter,
  change: (review: Review) => Review,
  actor: Actor = SYSTEM_ACTOR,
): Promise<Review> {
  for (let attempt = 0; attempt < 8; attempt++) {
    const found = await store.reviews.get(quarter);
    try {
      if (!found) return (await store.reviews.create(change(blankReview(quarter)), actor)).doc;
      return (await store.reviews.replace(change(found.doc), found.etag, actor, found.doc)).doc;
    } catch (error) {
      if (!(error instanceof DomainError && error.code === "conflict")) throw error;
    }
  }
  throw new DomainError(
    "conflict",
    `The ${quarter} review kept changing while it was being saved; please try again.`,
  );
}

/** Records rounds as sent and the review as open; rounds already recorded stay recorded. */
export function recordRoundsSent(
  store: Store,
  quarter: Quarter,
  rounds: readonly ReviewRound[],
  clock: Clock,
): Promise<Review> {
  return changeReview(store, quarter, (review) => ({
    ...review,
    state: "open",
    openedAt: review.openedAt ?? clock.now().toISOString(),
    roundsSent: [...new Set([...review.roundsSent, ...rounds])],
    queueing: null,
  }));
}

/** Notes that a round's messages are being queued, so that queueing cut short is finished later. */
export function recordRoundQueueing(
  store: Store,
  quarter: Quarter,
  plan: { round: ReviewRound; covers: readonly ReviewRound[] },
): Promise<Review> {
  return changeReview(store, quarter, (review) => ({
    ...review,
    queueing: { round: plan.round, covers: [...plan.covers] },
  }));
}

/** The round is no longer being queued (it was recorded, or there was nobody to send it to). */
export function clearRoundQueueing(store: Store, quarter: Quarter): Promise<Review> {
  return changeReview(store, quarter, (review) => ({ ...review, queueing: null }));
}

/** The stored reviews that could be under way today, by quarter. */
export async function candidateReviews(
  store: Store,
  today: IsoDate,
): Promise<Map<Quarter, Review>> {
  const quarters = candidateQuarters(today);
  const reviews = await Promise.all(quarters.map((q) => readReview(store, q)));
  return new Map(quarters.map((q, i) => [q, reviews[i] as Review]));
}

/** The next review to open: this quarter's unless its date has passed (dates as set by admins). */
export async function upcomingReviewQuarter(store: Store, today: IsoDate): Promise<Quarter> {
  const reviews = await candidateReviews(store, today);
  return nextReviewQuarter(today, (q) => reviews.get(q)?.reviewDate ?? reviewDateOf(q, null));
}

/**
 * The review people mean by "the review": the latest open one (it stays open after its date while
 * DMT signs off), or else the next one to open. Open reviews older than last quarter are history.
 */
export async function currentReviewQuarter(store: Store, today: IsoDate): Promise<Quarter> {
  const oldest = previousQuarter(quarterOf(today));
  const open = (await store.reviews.list())
    .filter((r) => r.state === "open" && r.quarter >= oldest)
    .sort((a, b) => b.quarter.localeCompare(a.quarter));
  return open[0]?.quarter ?? upcomingReviewQuarter(store, today);
}
