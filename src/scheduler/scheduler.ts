import cron, { type ScheduledTask } from "node-cron";
import type { FeatureDeps } from "../feature-deps.ts";
import type { DailyJob } from "./daily-job.ts";
import { createDailyRunner, type DailyRunResult } from "./daily-runner.ts";

/**
 * Fires at 09:00 REVIEW_TIMEZONE, and on the hour until 17:00 so a run that failed (store down at
 * nine) is retried the same day; once the day's run is done, a firing costs one lease read.
 */
export const DAILY_SCHEDULE = "0 9-17 * * *";

export interface RunningScheduler {
  stop(): Promise<void>;
  /** Runs the day's jobs if due at `now`: what each cron firing does. Tests call it with a moved clock. */
  runDue(now: Date): Promise<DailyRunResult>;
  /** Resolves when the catch-up run started at launch has finished. */
  caughtUp: Promise<DailyRunResult | undefined>;
  instanceId: string;
}

/**
 * Starts the daily schedule. node-cron only says when to look; which instance works, and whether
 * today's work is already done, is decided by the lease in the store, so the same check serves
 * the cron firings and the catch-up at start (a run missed during downtime happens now).
 * node-cron's own `distributed` coordinator is not used: its key is the firing's instant and it
 * reports completion even when the run failed, while "done for this date" is what must be shared.
 */
export async function startScheduler(
  o: FeatureDeps & { jobs: DailyJob[]; instanceId?: string },
): Promise<RunningScheduler> {
  const timeZone = o.config.REVIEW_TIMEZONE;
  const runner = createDailyRunner({
    store: o.store,
    logger: o.logger,
    timeZone,
    jobs: o.jobs,
    instanceId: o.instanceId,
  });
  const pending = new Set<Promise<unknown>>();
  const track = <T>(work: Promise<T>): Promise<T | undefined> => {
    const settled = work.catch((error) => {
      o.logger.error("daily run could not start", { error: String(error) });
      return undefined;
    });
    pending.add(settled);
    void settled.finally(() => pending.delete(settled));
    return settled;
  };
  const task: ScheduledTask = cron.schedule(
    DAILY_SCHEDULE,
    () => track(runner.runDue(o.clock.now())),
    {
      name: `plan-tracker-daily-${runner.instanceId}`,
      timezone: timeZone,
      noOverlap: true,
    },
  );
  for (const job of o.jobs) {
    if (!job.atStart) continue;
    const name = job.name;
    track(
      job.atStart().catch((error: unknown) => {
        // The day's run does the same work, so it is not lost.
        o.logger.error("work left by a stopped process could not be finished at start", {
          job: name,
          error: String(error),
        });
      }),
    );
  }
  const caughtUp = track(runner.runDue(o.clock.now()));
  return {
    instanceId: runner.instanceId,
    runDue: (now) => runner.runDue(now),
    caughtUp,
    async stop() {
      await task.destroy();
      await Promise.allSettled([...pending]);
    },
  };
}
