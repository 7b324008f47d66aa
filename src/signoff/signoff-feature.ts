import type { FeatureDeps } from "../feature-deps.ts";
import type { Feature } from "../messaging.ts";
import { boardReportCommand } from "../report/board-report-command.ts";
import type { ReviewHooks } from "../review/review-hooks.ts";
import type { DailyJob } from "../scheduler/daily-job.ts";
import { decideUpdate, refreshSignOff } from "./decide-update.ts";
import { sendSignOffCards } from "./dmt-cards.ts";
import { signOffDailyJob } from "./signoff-daily.ts";
import { summaryCommand } from "./summary-command.ts";

/**
 * DMT sign-off: a card to every DMT member when a lead submits or edits an update, Approve and
 * Return with exactly one decision recorded, the lead told the outcome, reminders of slow
 * decisions, and the quarterly summary (on the review date and on request).
 */
export function createSignOffFeature(deps: FeatureDeps): {
  feature: Feature;
  hooks: ReviewHooks;
  daily: DailyJob;
} {
  return {
    feature: {
      name: "signoff",
      commands: [summaryCommand(deps), boardReportCommand(deps)],
      cardActions: {
        approveUpdate: (turn) => decideUpdate(deps, turn),
        returnUpdate: (turn) => decideUpdate(deps, turn),
        refreshSignOff: (turn) => refreshSignOff(deps, turn),
      },
    },
    hooks: {
      onSubmitted: (update, action) => sendSignOffCards(deps, update, action),
    },
    daily: signOffDailyJob(deps),
  };
}
