import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cardText, type TeamsUser } from "../../support/stand-in-connector.ts";
import { startTestApp, type TestApp, type TestTeam } from "../../support/start-test-app.ts";

describe("adding Plan Tracker to a team", () => {
  let t: TestApp;
  let roster: TeamsUser[];
  const team: TestTeam = { id: "19:improvement-board@thread.tacv2", name: "Improvement Board" };

  beforeAll(async () => {
    t = await startTestApp({ skipSamplePlan: true });
    roster = Array.from({ length: 11 }, (_, i) =>
      t.addTeamsUser({ email: `member${i}@council.gov.uk`, name: `Member ${i}` }),
    );
    t.connector.maxPageSize = 4; // Teams may page a roster more finely than asked
    await t.addPerson({ email: "member3@council.gov.uk", name: "Member 3", roles: ["lead"] });
  });
  afterAll(() => t?.close());

  it("reads the whole roster, page by page, and records how to reach each member", async () => {
    const response = await t.installInTeam(team, roster[0] as TeamsUser, roster);
    expect(response.status).toBe(200);
    const pages = t.connector.requests.filter((r) => r.kind === "pagedMembers");
    expect(pages).toHaveLength(3);
    expect(
      pages.map((p) => new URL(p.path, "http://x").searchParams.get("continuationToken")),
    ).toEqual([null, "4", "8"]);
    const members = await t.store.conversations.membersOfTeam(team.id);
    expect(members.map((m) => m.email).sort()).toEqual(roster.map((u) => u.email).sort());
    const installation = await t.store.conversations.installation("team", team.id);
    expect(installation).toMatchObject({
      active: true,
      name: "Improvement Board",
      serviceUrl: t.connector.url,
    });
  });

  it("can then reach a member 1:1 who never opened Plan Tracker, opening the chat first", async () => {
    const member = roster[3] as TeamsUser;
    await t.messenger.send({
      key: "test:team-member-hello",
      to: member.email,
      card: {
        type: "AdaptiveCard",
        version: "1.5",
        body: [{ type: "TextBlock", text: "Your update is due" }],
      },
      summary: "Your update is due",
    });
    await t.idle();
    const created = t.connector.requests.filter((r) => r.kind === "createConversation");
    expect(created).toHaveLength(1);
    expect(created[0]?.body).toMatchObject({
      isGroup: false,
      members: [{ id: member.id }],
      tenantId: t.connector.tenantId,
    });
    expect(t.cardsTo(member).map(cardText)).toEqual(["Your update is due"]);
  });

  it("forgets a member's team when they leave it", async () => {
    const leaver = roster[5] as TeamsUser;
    await t.post(t.activity.membersRemoved(team, roster[0] as TeamsUser, [{ id: leaver.id }]));
    expect((await t.store.conversations.member(leaver.id))?.teamIds).toEqual([]);
    expect((await t.store.conversations.member((roster[6] as TeamsUser).id))?.teamIds).toEqual([
      team.id,
    ]);
  });

  it("marks the team inactive when Plan Tracker is removed from it", async () => {
    await t.post(t.activity.installationUpdate(roster[0] as TeamsUser, "remove", team));
    expect(await t.store.conversations.installation("team", team.id)).toMatchObject({
      active: false,
    });
    expect(await t.store.conversations.membersOfTeam(team.id)).toEqual([]);
  });
});
