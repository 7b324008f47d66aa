// SCAFFOLD: replaced by the sign-off use case (issue 6) in this session.
import type { FeatureDeps } from "../feature-deps.ts";
import type { Feature } from "../messaging.ts";
import type { ReviewHooks } from "../review/review-feature.ts";
import type { DailyJob } from "../scheduler/daily-job.ts";

export function createSignOffFeature(_deps: FeatureDeps): {
  feature: Feature;
  hooks: ReviewHooks;
  daily: DailyJob;
} {
  return {
    feature: { name: "signoff" },
    hooks: { onSubmitted: async () => {} },
    daily: { name: "signoff", run: async () => {} },
  };
}
