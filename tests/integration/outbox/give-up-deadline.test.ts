import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type SeededPerson, seedPerson } from "../../../bench/large-plan.ts";
import { ManualClock } from "../../../src/clock.ts";
import { startTestApp, type TestApp } from "../../support/start-test-app.ts";

/**
 * When a queued message is given up: not for any number of 429s (Teams saying "later"), and for
 * failures that keep coming (503) only once it has waited past the deadline (24 h by default),
 * measured on the app's clock from when it was queued.
 */
describe("when the sender gives a message up", () => {
  const clock = new ManualClock(new Date("2026-12-01T10:00:00Z"));
  let t: TestApp;
  let person: SeededPerson;

  beforeAll(async () => {
    t = await startTestApp({ clock, skipSamplePlan: true });
    person = await seedPerson(t.store, t.connector, {
      email: "jo.morgan@council.gov.uk",
      name: "Jo Morgan",
      roles: ["lead"],
    });
  });
  afterAll(() => t?.close());

  const message = (key: string) => ({
    key,
    to: person.email,
    card: { type: "AdaptiveCard", version: "1.5", body: [{ type: "TextBlock", text: key }] },
    summary: key,
  });
  const chat = () => t.connector.personalConversationOf(person);

  it("delivers after more 429s in a row than the old attempt limit, none counted as a failure", async () => {
    t.connector.inject({ status: 429, retryAfterSeconds: 0, times: 15, conversationId: chat() });
    await t.messenger.send(message("deadline:throttled"));
    await t.idle(30_000);
    const sends = t.connector.requests.filter((r) => r.kind === "send");
    expect(sends.filter((r) => r.status === 429)).toHaveLength(15);
    expect(t.connector.messagesIn(chat())).toHaveLength(1);
    expect(await t.app.messenger.failedDeliveries()).toEqual([]);
  });

  it("retries a failure that keeps coming until the deadline, then gives the message up", async () => {
    t.connector.inject({ status: 503, conversationId: chat() });
    const before = t.connector.requests.length;
    await t.messenger.send(message("deadline:failing"));
    const failures = () =>
      t.connector.requests.slice(before).filter((r) => r.status === 503).length;
    await t.connector.waitFor(() => failures() >= 2, 10_000, "two failed attempts");
    expect(await t.app.messenger.failedDeliveries()).toEqual([]);

    clock.set(new Date("2026-12-02T11:00:00Z")); // 25 hours after it was queued
    await t.idle(30_000);
    const [failed, ...more] = await t.app.messenger.failedDeliveries();
    expect(more).toEqual([]);
    expect(failed).toMatchObject({ key: "deadline:failing", state: "failed" });
    expect(failed?.failure?.reason).toContain("Still not delivered 25 h after it was queued");
    expect(failed?.failure?.status).toBe(503);
  });
});
