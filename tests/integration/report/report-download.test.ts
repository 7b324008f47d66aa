import { rm } from "node:fs/promises";
import mammoth from "mammoth";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { systemClock } from "../../../src/clock.ts";
import { loadConfig } from "../../../src/config.ts";
import { silentLogger } from "../../../src/logger.ts";
import type { RunningHttpServer } from "../../../src/server.ts";
import { openStore } from "../../../src/store/open-store.ts";
import type { Store } from "../../../src/store/store.ts";
import { tempDataDir } from "../../support/run-cli.ts";
import { startTabServer } from "../../support/tab-server.ts";
import { EntraStandIn } from "../api/entra-stand-in.ts";
import { seedReportStore } from "./report-fixture.ts";

/** The demo directory: Dana is DMT, Alex a lead and manager, Jo only a lead. */
const DANA = "dana.okafor@council.example";
const ALEX = "alex.wilson@council.example";
const JO = "jo.morgan@council.example";

/** The tab's download of the quarter's report, in production mode: signed in with Teams SSO. */
describe("the quarter's report from the tab", () => {
  const dataDir = tempDataDir("plan-tracker-report-tab-");
  let entra: EntraStandIn;
  let store: Store;
  let http: RunningHttpServer;
  let base: string;
  let quarter: string;

  beforeAll(async () => {
    quarter = await seedReportStore(dataDir);
    entra = await EntraStandIn.start();
    const env = {
      DATA_DIR: dataDir,
      EMBEDDED_COSMOS_PORT: "0",
      LOG_LEVEL: "silent",
      ...entra.env(),
    };
    const config = { ...loadConfig(env), TAB_SSO_JWKS_URL: entra.jwksUrl };
    expect(config.developmentMode).toBe(false);
    store = await openStore({ config, clock: systemClock, logger: silentLogger, role: "server" });
    http = await startTabServer(config, store);
    base = `http://127.0.0.1:${http.port}`;
  }, 60_000);

  afterAll(async () => {
    await http?.close();
    await store?.close();
    await entra?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  const get = async (path: string, email?: string) =>
    fetch(`${base}${path}`, {
      headers: email ? { authorization: `Bearer ${await entra.tokenFor(email)}` } : {},
    });

  it("gives a DMT member the Word report of the quarter asked for", async () => {
    const response = await get(`/api/report.docx?quarter=${quarter}`, DANA);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe(
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    );
    expect(response.headers.get("content-disposition")).toBe(
      `attachment; filename="plan-tracker-${quarter}-report.docx"`,
    );
    const buffer = Buffer.from(await response.arrayBuffer());
    const { value } = await mammoth.extractRawText({ buffer });
    expect(value).toContain("Rutland Children and Young People Development Plan 2022-23");
    expect(value).toContain("Appendix A: the updated action plan");
  });

  it("gives a manager the report too, and says whether the tab may offer it", async () => {
    expect((await get(`/api/report.docx?quarter=${quarter}`, ALEX)).status).toBe(200);
    expect(await (await get("/api/me", ALEX)).json()).toMatchObject({ canGetReport: true });
    expect(await (await get("/api/me", JO)).json()).toMatchObject({ canGetReport: false });
  });

  it("refuses someone who is only an action lead, and anyone not signed in", async () => {
    const lead = await get(`/api/report.docx?quarter=${quarter}`, JO);
    expect(lead.status).toBe(403);
    expect((await lead.json()).message).toBe(
      "Only DMT members, managers and admins can get the quarter's Word report. Ask an admin if you need to.",
    );
    expect((await get(`/api/report.docx?quarter=${quarter}`)).status).toBe(401);
  });

  it("answers a quarter it cannot read with the fix", async () => {
    const response = await get("/api/report.docx?quarter=last-one", DANA);
    expect(response.status).toBe(400);
    expect((await response.json()).message).toContain("such as 2026-Q3");
  });
});
