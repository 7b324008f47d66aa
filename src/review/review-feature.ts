import { requireCapability } from "../domain/permissions.ts";
import type { FeatureDeps } from "../feature-deps.ts";
import type { Feature } from "../messaging.ts";
import type { DailyJob } from "../scheduler/daily-job.ts";
import { ActionCache } from "./action-cache.ts";
import { editUpdate, refreshUpdate } from "./edit-update.ts";
import { myActionsListCard } from "./my-actions.ts";
import { reviewCommands } from "./review-commands.ts";
import { reviewDailyJob } from "./review-daily-job.ts";
import type { ReviewHooks } from "./review-hooks.ts";
import { startReviewCard } from "./review-messages.ts";
import { startReview } from "./start-review.ts";
import { submitUpdate } from "./submit-update.ts";
import { submitWhileStoreDown } from "./submit-while-store-down.ts";

export type { ReviewHooks } from "./review-hooks.ts";

/**
 * The quarterly review: reminder rounds (the daily job), `my actions`, `start review`,
 * `review status`, and the update form's buttons (submit, edit, refresh).
 */
export function createReviewFeature(
  deps: FeatureDeps,
  hooks: ReviewHooks,
): { feature: Feature; daily: DailyJob } {
  const cache = new ActionCache();
  const feature: Feature = {
    name: "review",
    commands: reviewCommands(deps, cache),
    cardActions: {
      submitUpdate: (turn) => submitUpdate(deps, hooks, cache, turn),
      editUpdate: (turn) => editUpdate(deps, cache, turn),
      refreshUpdate: (turn) => refreshUpdate(deps, cache, turn),
      myActions: async (turn) => {
        requireCapability(turn.person, "submitUpdate");
        return myActionsListCard(deps, turn.person);
      },
      startReview: async (turn) => {
        requireCapability(turn.person, "startReview");
        return startReviewCard(await startReview(deps));
      },
    },
    whileStoreDown: {
      submitUpdate: (data) => submitWhileStoreDown(deps, cache, data),
    },
  };
  return { feature, daily: reviewDailyJob(deps) };
}
