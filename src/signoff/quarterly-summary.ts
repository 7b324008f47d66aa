import { buildSummaryCard } from "../cards/summary-card.ts";
import { reviewRoundDates } from "../domain/calendar.ts";
import { addDays, type IsoDate } from "../domain/iso-date.ts";
import { DEFAULT_PLAN_ID } from "../domain/plan.ts";
import type { Quarter } from "../domain/quarter.ts";
import type { Review } from "../domain/review.ts";
import { updatePlanId } from "../domain/update.ts";
import type { FeatureDeps } from "../feature-deps.ts";
import { currentPlan } from "../import/current-plan.ts";
import type { Card } from "../messaging.ts";
import { candidateQuarters, reviewDateOf } from "../review/review-calendar.ts";
import { dmtMembers } from "./dmt-cards.ts";
import { summaryKey } from "./signoff-keys.ts";
import { type SummaryFigures, summaryFigures } from "./summary-figures.ts";
import { tabBaseUrl } from "./tab-links.ts";

/** A review date missed (a weekend date, a day the server was down) still gets its summary this long after. */
const SUMMARY_GRACE_DAYS = 6;

async function reviewsByQuarter(deps: FeatureDeps): Promise<Map<Quarter, Review>> {
  return new Map((await deps.store.reviews.list()).map((r) => [r.quarter, r]));
}

/**
 * The quarter a summary asked for today is about: the latest review that has opened (by `start
 * review` or by its calendar), so the summary after a review still shows that review until the
 * next one opens.
 */
export function summaryQuarter(
  today: IsoDate,
  reviews: ReadonlyMap<Quarter, Pick<Review, "reviewDate" | "state">>,
): Quarter {
  const candidates = candidateQuarters(today);
  const opened = candidates.filter((quarter) => {
    const review = reviews.get(quarter);
    return (
      review?.state === "open" || reviewRoundDates(reviewDateOf(quarter, review)).open <= today
    );
  });
  return opened.at(-1) ?? (candidates[0] as Quarter);
}

/** The figures and the card of one quarter's summary, from the store. */
export async function quarterlySummary(
  deps: FeatureDeps,
  quarter: Quarter,
  today: IsoDate,
): Promise<{ figures: SummaryFigures; card: Card }> {
  const [plan, actions, updates, people] = await Promise.all([
    currentPlan(deps.store),
    deps.store.actions.list(DEFAULT_PLAN_ID),
    deps.store.updates.all(),
    deps.store.people.list(),
  ]);
  const figures = summaryFigures({
    plan,
    actions,
    // The figures are one plan's: another plan's update on the same Ref is not this action's.
    updates: updates.filter((u) => updatePlanId(u) === plan.id),
    people,
    quarter,
    today,
    timeZone: deps.config.REVIEW_TIMEZONE,
  });
  const card = buildSummaryCard({
    quarter,
    plan,
    actions,
    previousRags: figures.previousRags,
    today,
    owing: figures.owing,
    awaitingCount: figures.awaiting.length,
    completedRefs: figures.signedOffComplete,
    tabUrl: tabBaseUrl(deps.config),
  });
  return { figures, card };
}

/** One line for notifications: "Plan summary for 2026-Q3: 3 Red, 9 Amber, 7 Green; 4 overdue; 2 awaiting a decision." */
export function summaryText(figures: SummaryFigures): string {
  const { Red, Amber, Green } = figures.totals;
  return `Plan summary for ${figures.quarter}: ${Red} Red, ${Amber} Amber, ${Green} Green; ${figures.overdue.length} overdue; ${figures.awaiting.length} awaiting a decision.`;
}

/** The summary of the quarter a person asking today means. */
export async function summaryForToday(deps: FeatureDeps, today: IsoDate) {
  return quarterlySummary(deps, summaryQuarter(today, await reviewsByQuarter(deps)), today);
}

/**
 * On a quarter's review date (or within a few days after, if that day was missed) every DMT member
 * gets that quarter's summary, once. Returns the quarters sent.
 */
export async function sendReviewDaySummaries(
  deps: FeatureDeps,
  today: IsoDate,
): Promise<Quarter[]> {
  const reviews = await reviewsByQuarter(deps);
  const due = candidateQuarters(today).filter((quarter) => {
    const date = reviewDateOf(quarter, reviews.get(quarter));
    return date <= today && today <= addDays(date, SUMMARY_GRACE_DAYS);
  });
  for (const quarter of due) {
    const { figures, card } = await quarterlySummary(deps, quarter, today);
    for (const member of await dmtMembers(deps.store)) {
      await deps.messenger.send({
        key: summaryKey(quarter, member.id),
        to: member.id,
        card,
        summary: summaryText(figures),
      });
    }
  }
  return due;
}
