import type { IsoDate } from "../domain/iso-date.ts";
import { scheduledRound } from "../domain/review-calendar.ts";
import type { FeatureDeps } from "../feature-deps.ts";
import type { DailyJob } from "../scheduler/daily-job.ts";
import { resumeInterruptedRounds } from "./resume-rounds.ts";
import { candidateReviews } from "./review-records.ts";
import { type RoundReport, sendRound } from "./send-round.ts";
import { tellOfUndelivered } from "./undelivered-notice.ts";

/**
 * Each working day: for every review that could be under way, send the round whose day has come
 * and that has not been sent. Downtime neither skips a round (it goes out on the next run) nor
 * repeats one (sent rounds are recorded on the review). A round cut short while being queued is
 * finished first (at every start too), and DMT and admins hear of messages that could not be
 * delivered.
 */
export function reviewDailyJob(
  deps: FeatureDeps,
): DailyJob & { runReport(today: IsoDate): Promise<RoundReport[]> } {
  // The start's resume and the day's run (which begins with one) share a resume under way.
  let resuming: Promise<RoundReport[]> | null = null;
  const resume = () => {
    resuming ??= resumeInterruptedRounds(deps).finally(() => {
      resuming = null;
    });
    return resuming;
  };
  async function runReport(today: IsoDate): Promise<RoundReport[]> {
    const reports: RoundReport[] = await resume();
    for (const [quarter, review] of await candidateReviews(deps.store, today)) {
      if (review.state === "closed") continue;
      const plan = scheduledRound(review.reviewDate, review.roundsSent, today);
      if (plan) reports.push(await sendRound(deps, quarter, plan, review.reviewDate, today));
    }
    return reports;
  }
  return {
    name: "review",
    runReport,
    async run(today) {
      await runReport(today);
      await tellOfUndelivered(deps, today);
    },
    async atStart() {
      await resume();
    },
  };
}
