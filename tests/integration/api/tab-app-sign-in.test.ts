import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { systemClock } from "../../../src/clock.ts";
import { loadConfig } from "../../../src/config.ts";
import { silentLogger } from "../../../src/logger.ts";
import type { RunningHttpServer } from "../../../src/server.ts";
import { openStore } from "../../../src/store/open-store.ts";
import type { Store } from "../../../src/store/store.ts";
import { startTabServer } from "../../support/tab-server.ts";
import { EntraStandIn, PUBLIC_URL, TENANT } from "./entra-stand-in.ts";

/** The bot's user-assigned managed identity, as the Azure template makes it. */
const IDENTITY_ID = "3f1e2d4c-5b6a-4978-8c9d-0e1f2a3b4c5d";
/** The tab's own Entra app, which the toolkit creates (AAD_APP_CLIENT_ID). */
const TAB_APP_ID = "7c9e6679-7425-40de-944b-e07fc1f90ae7";
const EMAIL = "jo.bloggs@council.gov.uk";

/**
 * The Azure deployment: the bot is a managed identity, and Teams issues the tab's sign-in tokens
 * for the tab's own Entra app, which TAB_APP_ID names. The real server and embedded store.
 */
describe("the dashboard's sign-in with the bot as a managed identity", () => {
  let entra: EntraStandIn;
  let store: Store;
  let http: RunningHttpServer;
  let dataDir: string;

  const start = async (extra: Record<string, string>) => {
    const config = loadConfig({
      PORT: "0",
      DATA_DIR: dataDir,
      EMBEDDED_COSMOS_PORT: "0",
      LOG_LEVEL: "silent",
      MicrosoftAppId: IDENTITY_ID,
      MicrosoftAppType: "UserAssignedMSI",
      MicrosoftAppTenantId: TENANT,
      PUBLIC_URL,
      TAB_SSO_JWKS_URL: entra.jwksUrl,
      TAB_SSO_ISSUER: `${entra.issuerV2},${entra.issuerV1}`,
      ...extra,
    });
    return startTabServer(config, store);
  };

  const me = async (server: RunningHttpServer, aud: string) => {
    const token = await entra.tokenFor(EMAIL, { aud });
    const response = await fetch(`http://127.0.0.1:${server.port}/api/me`, {
      headers: { authorization: `Bearer ${token}` },
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };

  beforeAll(async () => {
    entra = await EntraStandIn.start();
    dataDir = await mkdtemp(join(tmpdir(), "plan-tracker-tab-app-"));
    const config = loadConfig({
      DATA_DIR: dataDir,
      EMBEDDED_COSMOS_PORT: "0",
      LOG_LEVEL: "silent",
    });
    store = await openStore({ config, clock: systemClock, logger: silentLogger, role: "server" });
    await store.people.save(
      { id: EMAIL, email: EMAIL, name: "Jo Bloggs", roles: ["manager"], leads: [] },
      { id: "test", name: "Test setup" },
      null,
    );
    http = await start({ TAB_APP_ID });
  });

  afterAll(async () => {
    await http?.close();
    await store?.close();
    await entra?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it("accepts a token issued for the tab's app, by its id or its api:// URI", async () => {
    for (const aud of [TAB_APP_ID, `api://plans.example.gov.uk/${TAB_APP_ID}`]) {
      const { status, body } = await me(http, aud);
      expect(status).toBe(200);
      expect(JSON.stringify(body)).toContain(EMAIL);
    }
  });

  it("refuses a token issued for the bot's identity or any other app", async () => {
    for (const aud of [
      IDENTITY_ID,
      `api://plans.example.gov.uk/${IDENTITY_ID}`,
      "0f0e0d0c-0b0a-4909-8807-060504030201",
      `api://elsewhere.example/${TAB_APP_ID}`,
    ]) {
      const { status, body } = await me(http, aud);
      expect(status).toBe(401);
      expect(JSON.stringify(body)).not.toContain(EMAIL);
    }
  });

  it("without TAB_APP_ID, says the dashboard needs it instead of refusing every sign-in silently", async () => {
    const without = await start({});
    try {
      const { status, body } = await me(without, IDENTITY_ID);
      expect(status).toBe(503);
      expect(body.message).toContain("TAB_APP_ID");
    } finally {
      await without.close();
    }
  });
});
