import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type SeededPerson, seedPerson } from "../../../bench/large-plan.ts";
import { ManualClock } from "../../../src/clock.ts";
import { cardText } from "../../support/stand-in-connector.ts";
import { startTestApp, type TestApp } from "../../support/start-test-app.ts";

/**
 * A message Plan Tracker gives up (Teams refused it for good) is told to DMT members and admins in
 * the next working day's run, once, in one notice each; a notice that itself cannot be delivered
 * is not told of in turn.
 */
describe("telling DMT and admins whom a message did not reach", () => {
  const clock = new ManualClock(new Date("2026-12-01T10:00:00Z"));
  let t: TestApp;
  let lead: SeededPerson;
  let dmt: SeededPerson;
  let blockedDmt: SeededPerson;
  let admin: SeededPerson;

  beforeAll(async () => {
    t = await startTestApp({ clock, skipSamplePlan: true });
    await t.app.scheduler.caughtUp;
    const seed = (email: string, name: string, roles: Parameters<typeof seedPerson>[2]["roles"]) =>
      seedPerson(t.store, t.connector, { email, name, roles, leads: ["Locality Team"] });
    lead = await seed("jo.morgan@council.gov.uk", "Jo Morgan", ["lead"]);
    dmt = await seed("dana.okafor@council.gov.uk", "Dana Okafor", ["dmt"]);
    blockedDmt = await seed("lee.blocked@council.gov.uk", "Lee Blocked", ["dmt"]);
    admin = await seed("sam.patel@council.gov.uk", "Sam Patel", ["admin"]);
    t.connector.block(t.connector.personalConversationOf(lead), 403);
    t.connector.block(t.connector.personalConversationOf(blockedDmt), 403);
  });
  afterAll(() => t?.close());

  const noticesTo = (person: SeededPerson) =>
    t.connector
      .cardsTo(person)
      .map((card) => cardText(card))
      .filter((text) => text.includes("could not reach"));

  it("tells each DMT member and admin once, naming the person and the fix", async () => {
    await t.messenger.send({
      key: "test:reminder:jo",
      to: lead.email,
      card: { type: "AdaptiveCard", version: "1.5", body: [{ type: "TextBlock", text: "Hi" }] },
      summary: "2026-Q3 review: please update CSC-07 by 31 December 2026.",
    });
    await t.idle();
    expect((await t.app.messenger.failedDeliveries()).map((item) => item.to)).toEqual([lead.email]);
    expect(noticesTo(dmt)).toEqual([]);

    clock.set(new Date("2026-12-02T10:00:00Z"));
    expect(await t.app.scheduler.runDue(clock.now())).toMatchObject({ ran: true, failed: [] });
    await t.idle();

    for (const told of [dmt, admin]) {
      const notices = noticesTo(told);
      expect(notices).toHaveLength(1);
      expect(notices[0]).toContain("Jo Morgan (jo.morgan@council.gov.uk)");
      expect(notices[0]).toContain("please update CSC-07");
      expect(notices[0]).toContain("Teams says they blocked or removed Plan Tracker");
      expect(notices[0]).not.toContain("/v3/conversations");
      expect(notices[0]).toContain("open Plan Tracker in Teams");
    }
    expect(noticesTo(lead)).toEqual([]);
  });

  it("does not tell of the same message again, nor of a notice that could not be delivered", async () => {
    const failed = await t.app.messenger.failedDeliveries();
    // The notice to the DMT member who blocked Plan Tracker was given up too.
    expect(failed.map((item) => item.to).sort()).toEqual([blockedDmt.email, lead.email].sort());

    clock.set(new Date("2026-12-03T10:00:00Z"));
    expect(await t.app.scheduler.runDue(clock.now())).toMatchObject({ ran: true, failed: [] });
    await t.idle();
    expect(noticesTo(dmt)).toHaveLength(1);
    expect(noticesTo(admin)).toHaveLength(1);
  });
});
