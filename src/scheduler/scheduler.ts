// SCAFFOLD: replaced by the scheduler (issue 5) in this session.
import type { FeatureDeps } from "../feature-deps.ts";
import type { DailyJob } from "./daily-job.ts";

export async function startScheduler(
  _o: FeatureDeps & { jobs: DailyJob[] },
): Promise<{ stop(): Promise<void> }> {
  return { stop: async () => {} };
}
