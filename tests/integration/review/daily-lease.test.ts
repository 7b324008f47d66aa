import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ManualClock } from "../../../src/clock.ts";
import { loadConfig } from "../../../src/config.ts";
import { silentLogger } from "../../../src/logger.ts";
import type { Messenger } from "../../../src/messaging.ts";
import type { DailyJob } from "../../../src/scheduler/daily-job.ts";
import { createDailyRunner, DAILY_LEASE_MS } from "../../../src/scheduler/daily-runner.ts";
import { startScheduler } from "../../../src/scheduler/scheduler.ts";
import { LeasesRepo } from "../../../src/store/leases-repo.ts";
import type { Store } from "../../../src/store/store.ts";
import { londonMorning, openTempStore } from "./review-store.ts";

/** A job that notes the days it ran; `failOn` makes it fail once on that day. */
function recordingJob(failOn?: string): DailyJob & { days: string[] } {
  let failed = false;
  const days: string[] = [];
  return {
    name: "recording",
    days,
    async run(today) {
      if (today === failOn && !failed) {
        failed = true;
        throw new Error("the store went away");
      }
      days.push(today);
    },
  };
}

describe("the daily run, once across instances", () => {
  const clock = new ManualClock(londonMorning("2026-12-01"));
  let store: Store;
  let close: () => Promise<void>;
  beforeAll(async () => ({ store, close } = await openTempStore(clock)));
  afterAll(() => close?.());

  const runner = (job: DailyJob) =>
    createDailyRunner({ store, logger: silentLogger, timeZone: "Europe/London", jobs: [job] });

  it("runs on one instance when two fire at the same moment, and not again that day", async () => {
    const job = recordingJob();
    const [a, b] = [runner(job), runner(job)];
    const now = londonMorning("2026-12-02", "09:00");
    const results = await Promise.all([a.runDue(now), b.runDue(now)]);
    expect(results.filter((r) => r.ran)).toHaveLength(1);
    expect(job.days).toEqual(["2026-12-02"]);
    expect(await runner(job).runDue(londonMorning("2026-12-02", "15:00"))).toMatchObject({
      ran: false,
      reason: "done",
    });
    expect(job.days).toEqual(["2026-12-02"]);
  });

  it("waits for 09:00 in London, whatever the server's clock zone", async () => {
    const job = recordingJob();
    expect(await runner(job).runDue(londonMorning("2026-12-03", "08:59"))).toMatchObject({
      reason: "before-nine",
    });
    // 08:30 UTC in July is 09:30 in London (BST).
    expect(await runner(job).runDue(new Date("2027-07-01T08:30:00Z"))).toMatchObject({
      ran: true,
      day: "2027-07-01",
    });
  });

  it("does nothing at weekends and on bank holidays", async () => {
    const job = recordingJob();
    expect(await runner(job).runDue(londonMorning("2026-12-05"))).toMatchObject({
      reason: "not-a-working-day",
    });
    expect(await runner(job).runDue(londonMorning("2026-12-28"))).toMatchObject({
      reason: "not-a-working-day",
    });
    expect(job.days).toEqual([]);
  });

  it("gives the day back when a job fails, so the next firing retries it", async () => {
    const job = recordingJob("2026-12-04");
    expect(await runner(job).runDue(londonMorning("2026-12-04", "09:00"))).toMatchObject({
      ran: true,
      failed: ["recording"],
    });
    expect(await runner(job).runDue(londonMorning("2026-12-04", "10:00"))).toMatchObject({
      ran: true,
      failed: [],
    });
    expect(job.days).toEqual(["2026-12-04"]);
  });

  it("takes over the day from an instance that died mid-run, once its lease has expired", async () => {
    const leases = new LeasesRepo(store.containers.leases);
    const started = londonMorning("2026-12-07", "09:00");
    expect(
      (await leases.acquire("daily:2026-12-07", "crashed-instance", started, DAILY_LEASE_MS))
        .acquired,
    ).toBe(true);
    const job = recordingJob();
    expect(await runner(job).runDue(londonMorning("2026-12-07", "09:10"))).toMatchObject({
      ran: false,
      reason: "held",
    });
    expect(await runner(job).runDue(londonMorning("2026-12-07", "10:00"))).toMatchObject({
      ran: true,
    });
    expect(job.days).toEqual(["2026-12-07"]);
  });

  it("catches up at start when today's 09:00 has passed and the run isn't done", async () => {
    const job = recordingJob();
    const config = loadConfig({ LOG_LEVEL: "silent" });
    const messenger: Messenger = {
      send: async () => ({ queued: false }),
      sendMany: async (messages) => messages.map(() => ({ queued: false })),
      update: async () => {},
      teamsUserIdOf: async () => undefined,
    };
    clock.set(londonMorning("2026-12-08", "11:20"));
    const deps = { config, store, messenger, clock, logger: silentLogger, jobs: [job] };
    const first = await startScheduler(deps);
    expect(await first.caughtUp).toMatchObject({ ran: true, day: "2026-12-08" });
    await first.stop();
    // A restart the same day finds the run done.
    const second = await startScheduler(deps);
    expect(await second.caughtUp).toMatchObject({ ran: false, reason: "done" });
    await second.stop();
    expect(job.days).toEqual(["2026-12-08"]);
  });
});
