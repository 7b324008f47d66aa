import { describe, expect, it } from "vitest";
import type { SeededPerson } from "../../bench/large-plan.ts";
import { recordOf } from "./support/fault-record.ts";
import { roundWorldForTests } from "./support/round-world.ts";

/**
 * A review of 200 update forms (20 leads, ten actions each) to a Teams that takes only 7 messages a
 * second across the whole app, answering 429 with a Retry-After beyond that, and now and then 503.
 * The sender runs at its default cap (50/s), far above what this Teams takes: it must slow down to
 * what Teams allows, and every form must arrive exactly once, none given up.
 */
const SIZE = { actions: 200, leads: 20 };
const TEAMS_PER_SECOND = 7;

describe("a 200-form review through a Teams that allows 7 messages a second", () => {
  const world = roundWorldForTests(SIZE, { SEND_RATE_PER_SECOND: "50" });

  it("delivers every form exactly once and gives none up", async ({ task }) => {
    const { connector, t, plan } = world;
    connector.limitApp({ perSecond: TEAMS_PER_SECOND, retryAfterSeconds: 1 });
    connector.randomFaults({ seed: 20261216, faults: [{ status: 503, rate: 0.03 }] });

    const started = connector.requests.length;
    const startedAt = performance.now();
    expect((await t.say(plan.dmt[0] as SeededPerson, "start review")).status).toBe(200);
    // Until the outbox has nothing left to try (a form given up counts as lost below).
    await t.idle(300_000);
    const lastForm = connector.delivered.filter((d) => d.kind === "send").at(-1)?.at ?? startedAt;
    const seconds = (lastForm - startedAt) / 1000;

    const requests = connector.requests.slice(started);
    if (process.env.SHOW_TIMELINE) {
      const perSecond = new Map<number, string>();
      for (const r of requests) {
        const s = Math.floor((r.at - startedAt) / 1000);
        perSecond.set(
          s,
          `${perSecond.get(s) ?? ""}${r.status === 429 ? "x" : r.status === 201 ? "." : "5"}`,
        );
      }
      // Each second from "start review": . delivered, x 429, 5 anything else.
      console.log(`\n${[...perSecond].map(([s, marks]) => `${s}s ${marks}`).join("\n")}`);
    }
    const throttled = requests.filter((r) => r.status === 429).length;
    const unavailable = requests.filter((r) => r.status === 503).length;
    const ideal = SIZE.actions / TEAMS_PER_SECOND;
    const tally = plan.tally();
    task.meta.fault = recordOf(
      tally,
      `${seconds.toFixed(1)} s for ${SIZE.actions} forms (ideal ${ideal.toFixed(1)} s, ${(seconds / ideal).toFixed(2)}×); ${throttled} × 429, ${unavailable} × 503 answered`,
    );
    expect(unavailable).toBeGreaterThan(0);
    expect(tally).toMatchObject({ delivered: SIZE.actions, duplicates: 0, lost: 0, unexpected: 0 });
    expect(await t.app.messenger.failedDeliveries()).toEqual([]);
    // Met rather than hammered: once it has found Teams' pace, the sender is rarely refused.
    expect(throttled).toBeLessThan(SIZE.actions / 2);
  });
});
