import { describe, expect, it } from "vitest";
import type { SeededPerson } from "../../bench/large-plan.ts";
import { busiestWindow } from "../integration/outbox/rate-windows.ts";
import { recordOf } from "./support/fault-record.ts";
import { roundWorldForTests } from "./support/round-world.ts";

/**
 * A review's opening round of 2,000 update forms (200 leads, ten actions each) while Teams
 * throttles and stumbles: one request in ten refused with 429 and a Retry-After throughout, a storm
 * in which every request gets 429 for a while, and bursts of 503. Every form must arrive once.
 */
const SIZE = { actions: 2_000, leads: 200 };
const RATE = 100;

describe("a round through a 429 storm and bursts of 503", () => {
  const world = roundWorldForTests(SIZE, { SEND_RATE_PER_SECOND: String(RATE) });

  it("delivers every form exactly once, waiting out each Retry-After", async ({ task }) => {
    const { connector, t, plan } = world;
    connector.randomFaults({
      seed: 20261201,
      faults: [
        { status: 429, rate: 0.1, retryAfterSeconds: 1 },
        { status: 503, rate: 0.02 },
      ],
    });
    const at = (forms: number, then: () => void) =>
      void connector.waitFor(() => plan.formsArrived() >= forms, 300_000).then(then);
    // A storm: every request throttled for a while, then bursts of service errors.
    at(300, () => connector.inject({ status: 429, retryAfterSeconds: 2, times: 150 }));
    at(800, () => connector.inject({ status: 503, times: 80 }));
    at(1_400, () => connector.inject({ status: 503, times: 80 }));
    at(1_700, () => connector.inject({ status: 429, retryAfterSeconds: 1, times: 100 }));

    const started = connector.requests.length;
    const said = await t.say(plan.dmt[0] as SeededPerson, "start review");
    expect(said.status).toBe(200);
    await connector.waitFor(() => plan.formsArrived() >= SIZE.actions, 300_000, "every form");
    await t.idle(120_000);

    const requests = connector.requests.slice(started);
    const throttled = requests.filter((r) => r.status === 429).length;
    const unavailable = requests.filter((r) => r.status === 503).length;
    const tally = plan.tally();
    task.meta.fault = recordOf(tally, `${throttled} × 429, ${unavailable} × 503 answered`);
    expect(throttled).toBeGreaterThan(300);
    expect(unavailable).toBeGreaterThan(150);
    expect(tally).toMatchObject({ delivered: SIZE.actions, duplicates: 0, lost: 0, unexpected: 0 });
    expect(await t.app.messenger.failedDeliveries()).toEqual([]);
    // Every attempt, refused or not, stayed within the app's cap.
    const attempts = requests.filter((r) => r.kind === "send").map((r) => r.at);
    expect(busiestWindow(attempts, 1_000)).toBeLessThanOrEqual(RATE);
  });
});
