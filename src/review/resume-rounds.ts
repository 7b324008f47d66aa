import { todayIn } from "../domain/calendar.ts";
import type { FeatureDeps } from "../feature-deps.ts";
import { clearRoundQueueing } from "./review-records.ts";
import { type RoundReport, sendRound } from "./send-round.ts";

/**
 * Finishes queueing any round a stopped process left part-queued (`start review` queues a large
 * round in the background; a kill or a crash can cut it short). Every message has a key, so what
 * was queued before is not queued again. A round whose review date has passed is not finished:
 * its forms would ask for updates already due.
 */
export async function resumeInterruptedRounds(
  deps: Pick<FeatureDeps, "store" | "messenger" | "clock" | "logger" | "config">,
): Promise<RoundReport[]> {
  const today = todayIn(deps.config.REVIEW_TIMEZONE, deps.clock.now());
  const reports: RoundReport[] = [];
  for (const review of await deps.store.reviews.list()) {
    const plan = review.queueing;
    if (!plan) continue;
    if (review.roundsSent.includes(plan.round) || review.state === "closed") {
      await clearRoundQueueing(deps.store, review.quarter);
      continue;
    }
    if (today > review.reviewDate) {
      deps.logger.warn("a review round was cut short and its review date has passed; not resumed", {
        quarter: review.quarter,
        round: plan.round,
      });
      await clearRoundQueueing(deps.store, review.quarter);
      continue;
    }
    deps.logger.info("finishing a review round that was cut short", {
      quarter: review.quarter,
      round: plan.round,
    });
    reports.push(await sendRound(deps, review.quarter, plan, review.reviewDate, today));
  }
  return reports;
}
