import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type SeededPerson, seedLargePlan } from "../../bench/large-plan.ts";
import { StandInConnector } from "../support/stand-in-connector.ts";
import { activityFactory, waitUntil } from "../support/start-test-app.ts";
import { type AppProcess, startAppProcess } from "./support/app-process.ts";
import { recordOf } from "./support/fault-record.ts";
import { connectHarness, type HarnessStore } from "./support/harness-store.ts";
import { BEFORE_THE_REVIEW, type RoundPlan, roundPlan } from "./support/round-world.ts";
import { withStoreAlone } from "./support/store-alone.ts";

/**
 * A review of 200 update forms to a Teams that takes 7 messages a second across the app (429 with
 * Retry-After beyond that) and now and then answers 503, with the server killed (SIGKILL) part
 * way through the fan-out and started again on the same data folder. Every form must arrive
 * exactly once, none given up. Teams offers no way to ask whether a message arrived, so a form
 * Teams had when the kill struck but the outbox had not yet recorded is sent again: those repeats
 * are counted apart, and nothing else may repeat.
 */
const SIZE = { actions: 200, leads: 20 };
const ENV = { SEND_RATE_PER_SECOND: "50" };

describe("kill -9 mid fan-out through a Teams that allows 7 messages a second", () => {
  let connector: StandInConnector;
  let dataDir: string;
  let server: AppProcess | null = null;
  let plan: RoundPlan;
  const clockOffsetMs = BEFORE_THE_REVIEW.getTime() - Date.now();
  const start = () => startAppProcess({ dataDir, clockOffsetMs, env: ENV });
  const withHarness = async <T>(work: (h: HarnessStore) => Promise<T>): Promise<T> => {
    const harness = await connectHarness((server as AppProcess).storeEndpoint);
    try {
      return await work(harness);
    } finally {
      harness.close();
    }
  };

  beforeAll(async () => {
    connector = await StandInConnector.start();
    dataDir = await mkdtemp(join(tmpdir(), "plan-tracker-kill-throttled-"));
    server = await start();
    const people = await withHarness((h) => seedLargePlan(h, connector, SIZE));
    plan = roundPlan(connector, SIZE, people);
  });
  afterAll(async () => {
    await server?.stop();
    await connector?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it("delivers every form once after the restart, none given up", async ({ task }) => {
    connector.limitApp({ perSecond: 7, retryAfterSeconds: 1 });
    connector.randomFaults({ seed: 20261217, faults: [{ status: 503, rate: 0.03 }] });
    const said = await fetch(`${(server as AppProcess).url}/api/messages`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(
        activityFactory(connector, "28:plan-tracker-dev").message(
          plan.dmt[0] as SeededPerson,
          "start review",
        ),
      ),
    });
    expect(said.status).toBe(200);
    await connector.waitFor(() => plan.formsArrived() >= 80, 120_000, "80 forms");
    // At a moment of the clock's choosing, while Teams is refusing some of what is sent.
    await new Promise((resolve) => setTimeout(resolve, Math.random() * 1_000));
    await (server as AppProcess).kill9();
    const arrivedBeforeKill = plan.formsArrived();
    const inTeams = new Set(plan.tally().copies.keys());

    // The store as the kill left it: forms Teams has whose outbox entry is not marked sent.
    const unrecorded = await withStoreAlone(dataDir, async (h) => {
      const { resources } = await h.containers.outbox.items
        .query<{ key: string; to: string; state: string }>(
          'SELECT c.key, c.to, c.state FROM c WHERE STARTSWITH(c.key, "review:2026-Q3:open:")',
        )
        .fetchAll();
      return resources
        .filter((item) => item.state !== "sent")
        .map((item) => `${item.key.split(":")[3]} to ${item.to}`)
        .filter((form) => inTeams.has(form));
    });

    server = await start();
    await waitUntil(
      async () => (await withHarness((h) => h.outbox.countOpen())) === 0,
      300_000,
      "the outbox to empty",
    );
    const failed = await withHarness((h) => h.outbox.listFailed());
    const tally = plan.tally();
    const repeated = [...tally.copies].filter(([, n]) => n > 1).map(([form]) => form);
    const explained = repeated.filter((form) => unrecorded.includes(form)).length;
    const throttled = connector.requests.filter((r) => r.status === 429).length;
    task.meta.fault = {
      ...recordOf(tally, `killed after ${arrivedBeforeKill} forms; ${throttled} × 429 answered`),
      duplicates: tally.duplicates - explained,
      unrecordedRepeats: explained,
    };
    expect(failed.map((item) => `${item.key}: ${item.failure?.reason}`)).toEqual([]);
    expect(tally).toMatchObject({ delivered: SIZE.actions, lost: 0, unexpected: 0 });
    expect(repeated.sort()).toEqual(unrecorded.sort());
  });
});
