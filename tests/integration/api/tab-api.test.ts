import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { systemClock } from "../../../src/clock.ts";
import { loadConfig } from "../../../src/config.ts";
import type { Person } from "../../../src/domain/person.ts";
import { loadSamplePlanIfEmpty } from "../../../src/import/load-sample.ts";
import { silentLogger } from "../../../src/logger.ts";
import type { RunningHttpServer } from "../../../src/server.ts";
import { openStore } from "../../../src/store/open-store.ts";
import type { Store } from "../../../src/store/store.ts";
import { startTabServer } from "../../support/tab-server.ts";
import { anUpdate } from "../../unit/xlsx/sample-rows.ts";
import { APP_ID, EntraStandIn } from "./entra-stand-in.ts";

const person = (
  email: string,
  name: string,
  roles: Person["roles"],
  leads: string[] = [],
): Person => ({
  id: email,
  email,
  name,
  roles,
  leads,
});
const LEAD = person("jo.bloggs@council.gov.uk", "Jo Bloggs", ["lead"], ["HoS / Service Manager"]);
const DMT = person("sam.director@council.gov.uk", "Sam Director", ["dmt"]);
const ADMIN = person("ann.admin@council.gov.uk", "Ann Admin", ["admin"]);
const SETUP = { id: "test", name: "Test setup" };

/** The real HTTP server and embedded store, in production mode: every call needs a Teams SSO token. */
describe("the tab's API in production", () => {
  let entra: EntraStandIn;
  let store: Store;
  let http: RunningHttpServer;
  let dataDir: string;
  let base: string;

  beforeAll(async () => {
    entra = await EntraStandIn.start();
    dataDir = await mkdtemp(join(tmpdir(), "plan-tracker-tab-api-"));
    const env = {
      PORT: "0",
      DATA_DIR: dataDir,
      EMBEDDED_COSMOS_PORT: "0",
      LOG_LEVEL: "silent",
      ...entra.env(),
    };
    // The TAB_SSO_* settings are merged in case the config does not carry them through.
    const config = {
      ...loadConfig(env),
      TAB_SSO_JWKS_URL: entra.jwksUrl,
      TAB_SSO_ISSUER: entra.env().TAB_SSO_ISSUER,
    };
    expect(config.developmentMode).toBe(false);
    store = await openStore({ config, clock: systemClock, logger: silentLogger, role: "server" });
    await loadSamplePlanIfEmpty(store, silentLogger);
    for (const p of [LEAD, DMT, ADMIN]) await store.people.save(p, SETUP, null);
    await store.updates.create(
      anUpdate("CSC-07", "2026-Q3", { previousRag: "Green", proposedRag: "Amber" }),
      {
        id: LEAD.email,
        name: LEAD.name,
      },
    );
    http = await startTabServer(config, store);
    base = `http://127.0.0.1:${http.port}`;
  });

  afterAll(async () => {
    await http?.close();
    await store?.close();
    await entra?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  const get = async (path: string, token?: string) => {
    const response = await fetch(`${base}${path}`, {
      headers: token ? { authorization: `Bearer ${token}` } : {},
    });
    const type = response.headers.get("content-type") ?? "";
    const body = type.includes("json")
      ? await response.json()
      : Buffer.from(await response.arrayBuffer());
    return { status: response.status, body, headers: response.headers };
  };

  it("refuses a call without a token, saying to open the tab from Teams", async () => {
    const { status, body } = await get("/api/plan");
    expect(status).toBe(401);
    expect(body).toMatchObject({
      error: "sign_in_needed",
      message: expect.stringContaining("from the Plan Tracker app in Teams"),
    });
  });

  it("refuses expired, forged, unsigned and wrong-audience tokens", async () => {
    const claims = { aud: APP_ID, iss: entra.issuerV2, preferred_username: LEAD.email };
    const bad = [
      await entra.tokenFor(LEAD.email, { expiresIn: -3600 }),
      await entra.forged(claims),
      entra.unsigned(claims),
      await entra.tokenFor(LEAD.email, { aud: "api://elsewhere.example/other-app" }),
    ];
    for (const token of bad) {
      const { status, body } = await get("/api/plan", token);
      expect(status).toBe(401);
      expect(body.actions).toBeUndefined();
    }
  });

  it("refuses someone Teams signed in but the directory does not know, naming the admin who can add them", async () => {
    const { status, body } = await get(
      "/api/me",
      await entra.tokenFor("new.starter@council.gov.uk"),
    );
    expect(status).toBe(403);
    expect(body.error).toBe("not_in_directory");
    expect(body.message).toContain("new.starter@council.gov.uk");
    expect(body.message).toContain("Ann Admin (ann.admin@council.gov.uk)");
  });

  it("tells a signed-in lead who they are, and that this is not development mode", async () => {
    const { status, body } = await get("/api/me", await entra.tokenFor("Jo.Bloggs@council.gov.uk"));
    expect(status).toBe(200);
    expect(body).toMatchObject({
      email: LEAD.email,
      roles: ["lead"],
      development: false,
      canSeeSignOffQueue: false,
    });
  });

  it("gives a lead the actions they lead, filtered as the address asks", async () => {
    const token = await entra.tokenFor(LEAD.email);
    const all = await get("/api/plan", token);
    expect(all.status).toBe(200);
    expect(all.body.total).toBe(5);
    expect((await get("/api/plan", await entra.tokenFor(DMT.email))).body.total).toBe(19);
    const mine = await get("/api/plan?mine=1&priority=3", token);
    expect(mine.body.shown).toBeGreaterThan(0);
    expect(mine.body.shown).toBeLessThanOrEqual(5);
    expect(mine.body.actions.every((a: { ledByViewer: boolean }) => a.ledByViewer)).toBe(true);
    const wrong = await get("/api/plan?rag=purple", token);
    expect(wrong).toMatchObject({ status: 400, body: { error: "invalid_filter" } });
  });

  it("shows an action's page with its update and its history", async () => {
    const { status, body } = await get("/api/actions/csc-7", await entra.tokenFor(LEAD.email));
    expect(status).toBe(200);
    expect(body.action.ref).toBe("CSC-07");
    expect(body.updates).toEqual([
      expect.objectContaining({
        quarter: "2026-Q3",
        state: "submitted",
        proposedRag: "Amber",
        authorName: "Jo Bloggs",
      }),
    ]);
    const summaries = body.history.map((h: { summary: string }) => h.summary);
    expect(summaries).toContain("Action CSC-07 added");
    expect(summaries.some((s: string) => s.includes("update submitted by Jo Bloggs"))).toBe(true);
    const missing = await get("/api/actions/CSC-99", await entra.tokenFor(LEAD.email));
    expect(missing).toMatchObject({
      status: 404,
      body: { message: expect.stringContaining("no action CSC-99") },
    });
  });

  it("shows the sign-off queue to DMT only", async () => {
    const refused = await get("/api/signoff-queue", await entra.tokenFor(LEAD.email));
    expect(refused).toMatchObject({
      status: 403,
      body: { message: expect.stringContaining("Only DMT members") },
    });
    const { status, body } = await get("/api/signoff-queue", await entra.tokenFor(DMT.email));
    expect(status).toBe(200);
    expect(body.items).toEqual([
      expect.objectContaining({ ref: "CSC-07", previousRag: "Green", proposedRag: "Amber" }),
    ]);
  });

  it("downloads the board report as a workbook that opens", async () => {
    const { status, body, headers } = await get(
      "/api/export.xlsx",
      await entra.tokenFor(DMT.email),
    );
    expect(status).toBe(200);
    expect(headers.get("content-type")).toContain("spreadsheetml");
    expect(headers.get("content-disposition")).toMatch(
      /attachment; filename="plan-tracker-\d{4}-\d{2}-\d{2}\.xlsx"/,
    );
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(body as unknown as ArrayBuffer);
    expect(book.worksheets[0]?.name).toBe("Summary");
    expect(book.worksheets.length).toBe(6);
  });

  it("serves the tab so that only Teams and Microsoft 365 may frame it", async () => {
    const response = await fetch(`${base}/tab`);
    expect(response.status).toBe(200);
    const csp = response.headers.get("content-security-policy") ?? "";
    expect(csp).toContain("frame-ancestors 'self' https://teams.microsoft.com");
    expect(csp).toContain("script-src 'self'");
    expect(await response.text()).toContain('src="/tab/vendor/teams-js.js"');
    expect((await fetch(`${base}/tab/vendor/teams-js.js`)).status).toBe(200);
    expect((await fetch(`${base}/tab/assets/..%2F..%2Fconfig.ts`)).status).toBe(404);
  });

  it("has no card gallery in production", async () => {
    expect((await fetch(`${base}/playground`)).status).toBe(404);
    expect((await fetch(`${base}/cards`)).status).toBe(404);
    expect((await fetch(`${base}/playground/cards.json`)).status).toBe(404);
  });
});
