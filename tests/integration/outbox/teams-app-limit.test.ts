import { describe, expect, it } from "vitest";
import type { SeededPerson } from "../../../bench/large-plan.ts";
import { roundWorldForTests } from "../../faults/support/round-world.ts";

/**
 * The short version of tests/faults/teams-app-limit.test.ts: a review of 40 update forms (8 leads,
 * five actions each) to a Teams that takes only 5 messages a second across the app, answering 429
 * with a Retry-After beyond that, and a few 503s. The sender starts at its default cap of 50 a
 * second; it must find Teams' pace, deliver every form once and give none up.
 */
const SIZE = { actions: 40, leads: 8 };

describe("a review through a Teams that takes fewer messages than the sender's cap", () => {
  const world = roundWorldForTests(SIZE, { SEND_RATE_PER_SECOND: "50" });

  it("slows to Teams' pace and delivers every form exactly once, none given up", {
    timeout: 60_000,
  }, async () => {
    const { connector, t, plan } = world;
    connector.limitApp({ perSecond: 5, retryAfterSeconds: 1 });
    connector.inject({ status: 503, times: 3, kinds: ["send"] });

    const started = connector.requests.length;
    expect((await t.say(plan.dmt[0] as SeededPerson, "start review")).status).toBe(200);
    await t.idle(45_000);

    const tally = plan.tally();
    expect(tally).toMatchObject({ delivered: SIZE.actions, duplicates: 0, lost: 0, unexpected: 0 });
    expect(await t.app.messenger.failedDeliveries()).toEqual([]);
    const requests = connector.requests.slice(started);
    expect(requests.filter((r) => r.status === 503)).toHaveLength(3);
    // Met rather than hammered: the first burst is refused, then the sender keeps to Teams' pace.
    const throttled = requests.filter((r) => r.status === 429).length;
    expect(throttled).toBeLessThan(SIZE.actions / 2);
  });
});
