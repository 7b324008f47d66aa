import { buildSummaryCard } from "../cards/summary-card.ts";
import { reviewRoundDates } from "../domain/calendar.ts";
import { addDays, type IsoDate } from "../domain/iso-date.ts";
import type { Plan } from "../domain/plan.ts";
import type { Quarter } from "../domain/quarter.ts";
import type { Review } from "../domain/review.ts";
import { candidateQuarters, reviewDateOf } from "../domain/review-calendar.ts";
import type { FeatureDeps } from "../feature-deps.ts";
import { currentPlan } from "../import/current-plan.ts";
import type { Card } from "../messaging.ts";
import { listPlans } from "../plans/plan-list.ts";
import { dmtMembers } from "./dmt-cards.ts";
import { summaryKey } from "./signoff-keys.ts";
import { planSummaryInputs, type SummaryFigures, summaryFigures } from "./summary-figures.ts";
import { planTabUrl } from "./tab-links.ts";

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

/** One plan's summary of a quarter: its figures and its card. */
export interface PlanSummary {
  plan: Plan;
  figures: SummaryFigures;
  card: Card;
}

/**
 * A quarter's summary of every plan, the first plan first: one card per plan, its figures from
 * that plan's actions and updates only (two plans may each have a 1.1). A store with no plan yet
 * has the sample plan's, as it always had.
 */
export async function quarterlySummaries(
  deps: FeatureDeps,
  quarter: Quarter,
  today: IsoDate,
): Promise<PlanSummary[]> {
  const [listed, updates, people] = await Promise.all([
    listPlans(deps.store),
    deps.store.updates.all(),
    deps.store.people.list(),
  ]);
  const plans = listed.length > 0 ? listed.map((p) => p.plan) : [await currentPlan(deps.store)];
  return Promise.all(
    plans.map(async (plan) => {
      const actions = await deps.store.actions.list(plan.id);
      const figures = summaryFigures(
        planSummaryInputs(
          plan,
          { actions, updates, people },
          { quarter, today, timeZone: deps.config.REVIEW_TIMEZONE },
        ),
      );
      const card = buildSummaryCard({
        quarter,
        plan,
        actions,
        previousRags: figures.previousRags,
        today,
        owing: figures.owing,
        awaitingCount: figures.awaiting.length,
        completedRefs: figures.signedOffComplete,
        tabUrl: planTabUrl(deps.config, plan.id),
      });
      return { plan, figures, card };
    }),
  );
}

/** The figures and the card of one quarter's summary of the store's first plan. */
export async function quarterlySummary(
  deps: FeatureDeps,
  quarter: Quarter,
  today: IsoDate,
): Promise<PlanSummary> {
  return (await quarterlySummaries(deps, quarter, today))[0] as PlanSummary;
}

/**
 * One line for notifications: "Plan summary for 2026-Q3: 3 Red, 9 Amber, 7 Green; 4 overdue; 2
 * awaiting a decision." With several plans the line starts with the plan's name.
 */
export function summaryText(figures: SummaryFigures, planName?: string): string {
  const { Red, Amber, Green } = figures.totals;
  return `${planName ? `${planName}: p` : "P"}lan summary for ${figures.quarter}: ${Red} Red, ${Amber} Amber, ${Green} Green; ${figures.overdue.length} overdue; ${figures.awaiting.length} awaiting a decision.`;
}

/** The summaries, one per plan, of the quarter a person asking today means. */
export async function summariesForToday(deps: FeatureDeps, today: IsoDate) {
  return quarterlySummaries(deps, summaryQuarter(today, await reviewsByQuarter(deps)), today);
}

/** A summary's notification line, naming its plan when there are several. */
export function planSummaryText(summaries: readonly PlanSummary[], summary: PlanSummary): string {
  return summaryText(summary.figures, summaries.length > 1 ? summary.plan.name : undefined);
}

/**
 * On a quarter's review date (or within a few days after, if that day was missed) every DMT member
 * gets that quarter's summary of each plan, once. Returns the quarters sent.
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
    const summaries = await quarterlySummaries(deps, quarter, today);
    const members = await dmtMembers(deps.store);
    for (const summary of summaries) {
      for (const member of members) {
        await deps.messenger.send({
          key: summaryKey(quarter, member.id, summary.plan.id),
          to: member.id,
          card: summary.card,
          summary: planSummaryText(summaries, summary),
        });
      }
    }
  }
  return due;
}
