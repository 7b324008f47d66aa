import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cardText } from "../../support/stand-in-connector.ts";
import { startTestApp, type TestApp } from "../../support/start-test-app.ts";

describe("installing Plan Tracker in a personal chat", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t?.close());

  it("greets a lead with a welcome card naming their role and the actions they lead", async () => {
    const jo = await t.addPerson({
      email: "jo.lead@council.gov.uk",
      name: "Jo Lead",
      roles: ["lead"],
      leads: ["HoS / Service Manager"],
    });
    const response = await t.install(jo);
    expect(response.status).toBe(200);
    const cards = t.cardsTo(jo);
    expect(cards).toHaveLength(1);
    const text = cardText(cards[0]);
    expect(text).toContain("Hello Jo Lead");
    expect(text).toContain("action lead");
    expect(text).toMatch(/You lead \d+ actions?/);
  });

  it("remembers the chat so later messages can reach the person", async () => {
    const sam = await t.addPerson({
      email: "sam.dmt@council.gov.uk",
      name: "Sam DMT",
      roles: ["dmt"],
    });
    await t.install(sam);
    const member = await t.store.conversations.memberByEmail("sam.dmt@council.gov.uk");
    expect(member?.teamsUserId).toBe(sam.id);
    expect(member?.personalConversationId).toBe(t.connector.personalConversationOf(sam));
    expect(member?.tenantId).toBe(t.connector.tenantId);
    expect(member?.aadObjectId).toBe(sam.aadObjectId);
    expect(member?.serviceUrl).toBe(t.connector.url);
  });
});
