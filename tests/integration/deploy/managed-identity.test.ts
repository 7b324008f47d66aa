import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { systemClock } from "../../../src/clock.ts";
import { loadConfig } from "../../../src/config.ts";
import { silentLogger } from "../../../src/logger.ts";
import { SYSTEM_ACTOR } from "../../../src/store/audit-log.ts";
import { type EmbeddedCosmos, startEmbeddedCosmos } from "../../../src/store/embedded/index.ts";
import { openStore } from "../../../src/store/open-store.ts";
import { connectStore } from "../../../src/store/store.ts";
import {
  type StandInIdentityEndpoint,
  startStandInIdentityEndpoint,
} from "./stand-in-identity-endpoint.ts";

// Production on Azure: COSMOS_ENDPOINT set, no COSMOS_KEY. The real ManagedIdentityCredential gets
// its token from a stand-in of App Service's identity endpoint and the real Cosmos client sends it
// to the embedded store, which records what arrives; nothing leaves this machine.
// Each case signs in as its own identity: tokens are cached per identity for the life of the process.
const BEFORE_DEPLOY = "0b5e1f1c-6a55-4a4e-9d0c-3f0c7f1b2a10";
const DEPLOYED = "1c6f2a2d-7b66-4b5f-8e1d-4a1d8a2c3b21";
const BOT = "7d1c2b3a-1111-4222-8333-944455556666";
const CONSOLE = "2d7a3b4c-8c77-4c6a-9f2e-5b2e9b3d4c32";
const NOT_ASSIGNED = "9a9a9a9a-9a9a-4a9a-9a9a-9a9a9a9a9a9a";

let dataDir: string;
let cosmos: EmbeddedCosmos;
let identity: StandInIdentityEndpoint;
const authorizations: string[] = [];
const savedEnv = { endpoint: process.env.IDENTITY_ENDPOINT, header: process.env.IDENTITY_HEADER };

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), "plan-tracker-identity-"));
  cosmos = await startEmbeddedCosmos({
    dataDir,
    port: 0,
    onRequest: (req) => authorizations.push(String(req.headers.authorization ?? "")),
  });
  identity = await startStandInIdentityEndpoint({ unknown: [NOT_ASSIGNED] });
  process.env.IDENTITY_ENDPOINT = identity.endpoint;
  process.env.IDENTITY_HEADER = "stand-in-secret-header";
});

afterAll(async () => {
  process.env.IDENTITY_ENDPOINT = savedEnv.endpoint;
  process.env.IDENTITY_HEADER = savedEnv.header;
  if (savedEnv.endpoint === undefined) delete process.env.IDENTITY_ENDPOINT;
  if (savedEnv.header === undefined) delete process.env.IDENTITY_HEADER;
  await identity?.close();
  await cosmos?.stop();
  await rm(dataDir, { recursive: true, force: true });
});

const configFor = (env: Record<string, string>) =>
  loadConfig({ COSMOS_ENDPOINT: cosmos.endpoint, LOG_LEVEL: "silent", ...env });

describe("the store with a managed identity and no key", () => {
  it("names the missing database and the template that creates it, instead of creating it", async () => {
    const opening = openStore({
      config: configFor({ COSMOS_CLIENT_ID: BEFORE_DEPLOY }),
      clock: systemClock,
      logger: silentLogger,
      role: "server",
    });
    await expect(opening).rejects.toThrow(
      /has no database "plan-tracker".*deploy infra\/azure\.json/,
    );
  });

  it("signs in as the configured identity and reads and writes with its token, never a key", async () => {
    // The deployment template creates the database and containers; here the key stands in for it.
    const deployed = await connectStore({
      target: { endpoint: cosmos.endpoint, key: cosmos.key, selfSigned: true },
      databaseId: "plan-tracker",
      clock: systemClock,
      logger: silentLogger,
    });
    await deployed.close();
    authorizations.length = 0;
    const store = await openStore({
      config: configFor({ COSMOS_CLIENT_ID: DEPLOYED }),
      clock: systemClock,
      logger: silentLogger,
      role: "server",
    });
    try {
      await store.ping();
      const sam = {
        id: "sam.patel@council.gov.uk",
        email: "sam.patel@council.gov.uk",
        name: "Sam Patel",
        roles: ["admin" as const],
        leads: [],
      };
      await store.people.save(sam, SYSTEM_ACTOR, null);
      expect((await store.people.get(sam.email))?.doc.name).toBe("Sam Patel");
    } finally {
      await store.close();
    }
    const asked = identity.requests.filter((r) => r.url.searchParams.get("client_id") === DEPLOYED);
    expect(asked.length).toBeGreaterThan(0);
    expect(asked[0]?.headers["x-identity-header"]).toBe("stand-in-secret-header");
    expect(authorizations.length).toBeGreaterThan(0);
    for (const authorization of authorizations) {
      expect(decodeURIComponent(authorization)).toBe(`type=aad&ver=1.0&sig=token-for-${DEPLOYED}`);
    }
  });

  it("uses the bot's own identity when it runs as UserAssignedMSI and no COSMOS_CLIENT_ID is set", async () => {
    const store = await openStore({
      config: configFor({
        MicrosoftAppId: BOT,
        MicrosoftAppType: "UserAssignedMSI",
        MicrosoftAppTenantId: "11111111-2222-3333-4444-555555555555",
      }),
      clock: systemClock,
      logger: silentLogger,
      role: "server",
    });
    await store.close();
    const asked = identity.requests.map((r) => r.url.searchParams.get("client_id"));
    expect(asked).toContain(BOT);
  });

  it("lets a command run in the web app's console sign in as the identity too", async () => {
    const store = await openStore({
      config: configFor({ COSMOS_CLIENT_ID: CONSOLE }),
      clock: systemClock,
      logger: silentLogger,
      role: "cli",
    });
    await store.close();
    const asked = identity.requests.map((r) => r.url.searchParams.get("client_id"));
    expect(asked).toContain(CONSOLE);
  });

  it("stops with one line naming both fixes when the identity cannot sign in", async () => {
    const opening = openStore({
      config: configFor({ COSMOS_CLIENT_ID: NOT_ASSIGNED }),
      clock: systemClock,
      logger: silentLogger,
      role: "server",
    });
    await expect(opening).rejects.toThrow(
      /^Couldn't sign in to Cosmos DB at .* as the managed identity 9a9a9a9a-.*COSMOS_CLIENT_ID.*set COSMOS_KEY instead\.$/,
    );
  });
});
