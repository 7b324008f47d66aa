import { quarterLabel, todayIn } from "../domain/calendar.ts";
import { DomainError } from "../domain/errors.ts";
import { formatLongDate, type IsoDate } from "../domain/iso-date.ts";
import { type Quarter, QuarterSchema } from "../domain/quarter.ts";
import { openingRound } from "../domain/review-calendar.ts";
import type { FeatureDeps } from "../feature-deps.ts";
import { readReview, upcomingReviewQuarter } from "./review-records.ts";
import { type RoundReport, sendRound } from "./send-round.ts";

export type StartReviewResult =
  | { started: true; quarter: Quarter; reviewDate: IsoDate; report: RoundReport }
  | { started: false; quarter: Quarter; reviewDate: IsoDate; openedAt: string | null };

/**
 * Opens a review now (chat `start review`, CLI `review start`) and sends the opening round.
 * Repeating it sends nothing twice: once the opening round is recorded, it is a no-op.
 * Permission is the caller's job (the chat checks the person's roles; the CLI runs as an operator).
 */
export async function startReview(
  deps: Pick<FeatureDeps, "store" | "messenger" | "clock" | "logger" | "config">,
  requested?: string,
): Promise<StartReviewResult> {
  const today = todayIn(deps.config.REVIEW_TIMEZONE, deps.clock.now());
  const quarter = requested
    ? parseQuarter(requested)
    : await upcomingReviewQuarter(deps.store, today);
  const review = await readReview(deps.store, quarter);
  if (today > review.reviewDate) {
    throw new DomainError(
      "invalid_input",
      `The ${quarterLabel(quarter)} review date, ${formatLongDate(review.reviewDate)}, has passed. Set a new date first (review set-date ${quarter} <date>), or start the next review.`,
    );
  }
  const plan = openingRound(review.reviewDate, review.roundsSent, today);
  if (!plan)
    return { started: false, quarter, reviewDate: review.reviewDate, openedAt: review.openedAt };
  const report = await sendRound(deps, quarter, plan, review.reviewDate, today);
  return { started: true, quarter, reviewDate: review.reviewDate, report };
}

export function parseQuarter(text: string): Quarter {
  const quarter = text.trim().toUpperCase().replace(/\s+/g, "");
  if (!QuarterSchema.safeParse(quarter).success) {
    throw new DomainError(
      "invalid_input",
      `"${text}" is not a quarter: write it like 2026-Q3 (October to December 2026; the year the financial year starts).`,
    );
  }
  return quarter;
}
