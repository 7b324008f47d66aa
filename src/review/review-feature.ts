// SCAFFOLD: replaced by the review use case (issue 5) in this session.
import type { Action } from "../domain/action.ts";
import type { Person } from "../domain/person.ts";
import type { Update } from "../domain/update.ts";
import type { FeatureDeps } from "../feature-deps.ts";
import type { Feature } from "../messaging.ts";
import type { DailyJob } from "../scheduler/daily-job.ts";

export interface ReviewHooks {
  /** A lead submitted or edited an update; sign-off sends or refreshes the DMT cards. */
  onSubmitted(update: Update, action: Action, author: Person): Promise<void>;
}

export function createReviewFeature(
  _deps: FeatureDeps,
  _hooks: ReviewHooks,
): { feature: Feature; daily: DailyJob } {
  return { feature: { name: "review" }, daily: { name: "review", run: async () => {} } };
}
