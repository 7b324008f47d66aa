import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { cardText, StandInConnector, type TeamsUser } from "../../support/stand-in-connector.ts";
import { startTestApp, type TestApp } from "../../support/start-test-app.ts";
import { forgedToken, TestJwks, unsignedToken } from "../../support/test-jwks.ts";

/**
 * With MicrosoftAppId set, botbuilder checks every inbound token against the Bot Framework's
 * published keys; here those keys are served by a local issuer. Outbound calls would need a real
 * Entra token, so the person pressing a button was met before (their Teams identity is on record)
 * and the answer comes back in the invoke response itself.
 */
const APP_ID = "6d1c0b4e-3b1a-4a8e-9a59-2f6f3c0e9b11";

describe("the bot's inbound token check", () => {
  let jwks: TestJwks;
  let connector: StandInConnector;
  let t: TestApp;
  let dmt: TeamsUser;

  beforeAll(async () => {
    // botbuilder prints every refused token (with the key set) to the console; the 401s are the point here.
    vi.spyOn(console, "error").mockImplementation(() => undefined);
    jwks = await TestJwks.start();
    connector = await StandInConnector.start();
    t = await startTestApp({ connector, skipSamplePlan: true, env: jwks.botSettings(APP_ID) });
    dmt = await t.addPerson({ email: "sam.dmt@council.gov.uk", name: "Sam DMT", roles: ["dmt"] });
    await t.store.conversations.saveMember(dmt.id, () => ({
      id: "",
      kind: "member",
      teamsUserId: dmt.id,
      aadObjectId: dmt.aadObjectId,
      tenantId: connector.tenantId,
      serviceUrl: connector.url,
      email: dmt.email,
      userPrincipalName: dmt.email,
      name: dmt.name,
      botId: t.botId,
      personalConversationId: connector.personalConversationOf(dmt),
      personalInstalled: true,
      teamIds: [],
      updatedAt: new Date().toISOString(),
    }));
  });
  afterAll(async () => {
    await t?.close();
    await connector?.close();
    await jwks?.close();
    vi.restoreAllMocks();
  });

  const pressHelp = (authorization?: string) =>
    t.post(t.activity.cardAction(dmt, "help", {}), authorization ?? "");
  const goodClaims = () => ({ aud: APP_ID, iss: jwks.issuer, serviceurl: connector.url });

  it("lets in an activity with a valid token: the button is answered", async () => {
    const response = await pressHelp(`Bearer ${await jwks.sign(goodClaims())}`);
    expect(response.status).toBe(200);
    expect(cardText((response.body as { value?: unknown }).value)).toContain("What you can do");
  });

  const refused: Array<[string, () => Promise<string | undefined>]> = [
    ["no token at all", async () => undefined],
    [
      "a token for another bot (wrong audience)",
      async () => `Bearer ${await jwks.sign({ ...goodClaims(), aud: "another-bot" })}`,
    ],
    [
      "a token from another issuer",
      async () => `Bearer ${await jwks.sign({ ...goodClaims(), iss: "https://evil.example" })}`,
    ],
    [
      "an expired token",
      async () => `Bearer ${await jwks.sign({ ...goodClaims(), expiresIn: -600 })}`,
    ],
    [
      "an unsigned token (alg: none)",
      async () => `Bearer ${unsignedToken(jwks.keyId, goodClaims())}`,
    ],
    [
      "a token signed with a foreign key",
      async () => `Bearer ${await forgedToken(jwks.keyId, goodClaims())}`,
    ],
    [
      "a token for another service URL",
      async () =>
        `Bearer ${await jwks.sign({ ...goodClaims(), serviceurl: "https://elsewhere.example/" })}`,
    ],
  ];

  it.each(refused)("refuses %s with 401 and runs nothing", async (_, token) => {
    const requestsBefore = connector.requests.length;
    const memberBefore = await t.store.conversations.member(dmt.id);
    const response = await pressHelp(await token());
    expect(response.status).toBe(401);
    expect(JSON.stringify(response.body ?? "")).not.toContain("What you can do");
    expect(connector.requests.length).toBe(requestsBefore);
    expect(await t.store.conversations.member(dmt.id)).toEqual(memberBefore);
  });

  it("refuses an install event with a bad token, recording nothing about the installer", async () => {
    const stranger = t.addTeamsUser({ email: "intruder@example.com", name: "Intruder" });
    const forged = `Bearer ${await forgedToken(jwks.keyId, goodClaims())}`;
    const response = await t.post(t.activity.installationUpdate(stranger, "add"), forged);
    expect(response.status).toBe(401);
    expect(await t.store.conversations.member(stranger.id)).toBeNull();
  });
});
