import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cardsOf, cardText, type TeamsUser } from "../../support/stand-in-connector.ts";
import { startTestApp, type TestApp } from "../../support/start-test-app.ts";
import { busiestConversationWindow, busiestWindow } from "./rate-windows.ts";

/**
 * 1,000 proactive messages to 100 people while Teams throttles (a burst of 429s, then 429s and
 * 503s at random from a fixed seed). The global cap is raised to 200/s to keep the suite quick;
 * bench/sender-throughput.ts measures the default 50/s. The burst refuses every chat, so the
 * sender slows the whole app for it and probes about once a second until it passes: 10 refusals
 * keep the run short (tests/faults/throttling.test.ts has longer storms).
 */
const PEOPLE = 100;
const PER_PERSON = 10;
const GLOBAL_CAP = 200;

describe("the proactive sender under a 429 storm", () => {
  let t: TestApp;
  let people: TeamsUser[];

  beforeAll(async () => {
    t = await startTestApp({
      skipSamplePlan: true,
      env: { SEND_RATE_PER_SECOND: String(GLOBAL_CAP) },
    });
    people = Array.from({ length: PEOPLE }, (_, i) =>
      t.addTeamsUser({ email: `person${i}@council.gov.uk`, name: `Person ${i}` }),
    );
    await t.installInTeam(
      { id: "19:everyone@thread.tacv2", name: "Everyone" },
      people[0] as TeamsUser,
      people,
    );
  });
  afterAll(() => t?.close());

  it("delivers every message exactly once, to the right person, within Teams' limits", {
    timeout: 90_000,
  }, async () => {
    t.connector.inject({ status: 429, retryAfterSeconds: 1, times: 10, kinds: ["send"] });
    t.connector.randomFaults({
      seed: 20260401,
      faults: [
        { status: 429, rate: 0.1, retryAfterSeconds: 1 },
        { status: 503, rate: 0.05 },
      ],
    });
    const startedAt = performance.now();
    const sends = [];
    for (let n = 0; n < PEOPLE * PER_PERSON; n++) {
      const person = people[n % PEOPLE] as TeamsUser;
      sends.push(
        t.messenger.send({
          key: `storm:${n}`,
          to: person.email,
          card: {
            type: "AdaptiveCard",
            version: "1.5",
            body: [{ type: "TextBlock", text: `storm-${n} for ${person.email}` }],
          },
          summary: `Message ${n}`,
        }),
      );
      if (sends.length % 50 === 0) await Promise.all(sends.splice(0));
    }
    await Promise.all(sends);
    if (process.env.SHOW_TIMELINE)
      console.log(`queued in ${Math.round(performance.now() - startedAt)} ms`);
    await t.idle(120_000);
    if (process.env.SHOW_TIMELINE)
      console.log(`sent in ${Math.round(performance.now() - startedAt)} ms`);
    if (process.env.SHOW_TIMELINE) {
      const first = t.connector.requests[0]?.at ?? 0;
      const perSecond = new Map<number, number>();
      for (const r of t.connector.requests) {
        const s = Math.floor((r.at - first) / 1000);
        perSecond.set(s, (perSecond.get(s) ?? 0) + 1);
      }
      console.log([...perSecond.entries()].map(([s, n]) => `${s}s:${n}`).join(" "));
    }

    const delivered = t.connector.delivered.filter((d) => d.kind === "send");
    const copies = new Map<string, number>();
    for (const d of delivered) {
      const text = cardText(cardsOf(d)[0]);
      const [, n, email] = /storm-(\d+) for (\S+)/.exec(text) ?? [];
      const intended = people.find((p) => p.email === email);
      expect(d.conversationId).toBe(t.connector.personalConversationOf(intended as TeamsUser));
      copies.set(n as string, (copies.get(n as string) ?? 0) + 1);
    }
    expect(copies.size).toBe(PEOPLE * PER_PERSON);
    expect([...copies.values()].filter((c) => c !== 1)).toEqual([]);

    const throttled = t.connector.requests.filter((r) => r.status === 429).length;
    const unavailable = t.connector.requests.filter((r) => r.status === 503).length;
    expect(throttled).toBeGreaterThan(60);
    expect(unavailable).toBeGreaterThan(0);

    // Every attempt counts, as it does for Teams.
    const requests = t.connector.requests;
    expect(busiestConversationWindow(requests, 1_000)).toBeLessThanOrEqual(7);
    expect(busiestConversationWindow(requests, 2_000)).toBeLessThanOrEqual(8);
    expect(busiestConversationWindow(requests, 30_000)).toBeLessThanOrEqual(60);
    expect(
      busiestWindow(
        requests.map((r) => r.at),
        1_000,
      ),
    ).toBeLessThanOrEqual(GLOBAL_CAP);

    expect(await t.store.outbox.listFailed()).toEqual([]);
  });

  it("waits out each Retry-After before writing to that conversation again", () => {
    const requests = t.connector.requests.filter((r) => r.kind === "send");
    for (const [i, r] of requests.entries()) {
      if (r.status !== 429) continue;
      const next = requests.slice(i + 1).find((later) => later.conversationId === r.conversationId);
      if (next) expect(next.at - r.at).toBeGreaterThanOrEqual(1_000);
    }
  });
});
