import { randomUUID } from "node:crypto";
import { todayIn } from "../domain/calendar.ts";
import type { IsoDate } from "../domain/iso-date.ts";
import { isWorkingDay } from "../domain/working-days.ts";
import type { Logger } from "../logger.ts";
import { LeasesRepo } from "../store/leases-repo.ts";
import type { Store } from "../store/store.ts";
import type { DailyJob } from "./daily-job.ts";
import { minutesIntoDay } from "./local-time.ts";

/** The daily run happens at (or, catching up, after) 09:00 in REVIEW_TIMEZONE. */
export const DAILY_RUN_MINUTE = 9 * 60;
/** Longer than any daily run takes; a lease older than this belonged to an instance that died. */
export const DAILY_LEASE_MS = 30 * 60 * 1000;

export type DailyRunResult =
  | { ran: true; day: IsoDate; failed: string[] }
  | { ran: false; day: IsoDate; reason: "before-nine" | "not-a-working-day" | "done" | "held" };

export interface DailyRunnerOptions {
  store: Store;
  logger: Logger;
  timeZone: string;
  jobs: readonly DailyJob[];
  /** Names this process in leases, for logs; unique per start. */
  instanceId?: string;
}

export interface DailyRunner {
  /** Runs today's jobs if they are due at `now` and no instance has run them yet. */
  runDue(now: Date): Promise<DailyRunResult>;
  instanceId: string;
}

/**
 * One run per working day across every instance sharing the store: the run takes the lease
 * `daily:<date>` and marks it done when every job succeeded. A failed run gives the lease back,
 * so a later attempt (the next hourly firing, or a restart) tries again; jobs are idempotent.
 */
export function createDailyRunner(o: DailyRunnerOptions): DailyRunner {
  const instanceId = o.instanceId ?? randomUUID();
  const leases = new LeasesRepo(o.store.containers.leases);
  let inFlight: Promise<DailyRunResult> | null = null;

  async function run(now: Date): Promise<DailyRunResult> {
    const day = todayIn(o.timeZone, now);
    if (!isWorkingDay(day)) return { ran: false, day, reason: "not-a-working-day" };
    if (minutesIntoDay(o.timeZone, now) < DAILY_RUN_MINUTE)
      return { ran: false, day, reason: "before-nine" };
    const taken = await leases.acquire(`daily:${day}`, instanceId, now, DAILY_LEASE_MS);
    if (!taken.acquired) {
      o.logger.debug("daily run skipped", {
        day,
        reason: taken.reason,
        holder: taken.lease?.owner,
      });
      return { ran: false, day, reason: taken.reason };
    }
    o.logger.info("daily run started", { day, instance: instanceId });
    const failed: string[] = [];
    for (const job of o.jobs) {
      try {
        await job.run(day);
      } catch (error) {
        failed.push(job.name);
        o.logger.error("daily job failed; it will be retried", {
          day,
          job: job.name,
          error: String(error),
        });
      }
    }
    if (failed.length === 0) await leases.markDone(taken.lease, taken.etag, now);
    else await leases.release(taken.lease, taken.etag, now);
    o.logger.info("daily run finished", { day, failed });
    return { ran: true, day, failed };
  }

  return {
    instanceId,
    runDue(now) {
      // A catch-up and a cron firing at the same moment share one run.
      inFlight ??= run(now).finally(() => {
        inFlight = null;
      });
      return inFlight;
    },
  };
}
