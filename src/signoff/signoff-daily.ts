import type { IsoDate } from "../domain/iso-date.ts";
import type { FeatureDeps } from "../feature-deps.ts";
import type { DailyJob } from "../scheduler/daily-job.ts";
import { remindSlowDecisions } from "./decision-reminder.ts";
import { repairDecision } from "./finish-decision.ts";
import { sendReviewDaySummaries } from "./quarterly-summary.ts";

/** Repairs decisions a crash cut short, oldest quarter first so a later approval is applied last. */
async function repairDecisions(deps: FeatureDeps): Promise<void> {
  const decided = (await deps.store.updates.all())
    .filter((update) => update.decision)
    .sort((a, b) => a.quarter.localeCompare(b.quarter));
  for (const update of decided) await repairDecision(deps, update);
}

/** Sign-off's part of the working-day run: repair, remind DMT of slow decisions, and the review-day summary. */
export function signOffDailyJob(deps: FeatureDeps): DailyJob {
  return {
    name: "signoff",
    async run(today: IsoDate) {
      await repairDecisions(deps);
      await remindSlowDecisions(deps, today);
      await sendReviewDaySummaries(deps, today);
    },
  };
}
