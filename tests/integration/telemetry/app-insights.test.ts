import { randomBytes, randomUUID } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TELEMETRY_ON } from "../../../src/telemetry/telemetry.ts";
import { type ServeProcess, spawnServe } from "../../support/spawn-serve.ts";
import { StandInConnector } from "../../support/stand-in-connector.ts";
import { type Envelope, StandInIngestion } from "../../support/stand-in-ingestion.ts";
import { activityFactory, waitUntil } from "../../support/start-test-app.ts";

/**
 * `serve` with APPLICATIONINSIGHTS_CONNECTION_STRING pointing at a stand-in ingestion endpoint: what
 * reaches Application Insights from a few requests and a chat message, flushed by a SIGTERM.
 * The server runs in its own process so the SDK's process-wide state (and the timers it never
 * stops) go with it.
 */

describe("telemetry to Application Insights", { timeout: 60_000 }, () => {
  const instrumentationKey = randomUUID();
  const queryToken = `tok-${randomBytes(16).toString("hex")}`;
  const bearer = `eyJhbGciOiJSUzI1NiJ9.${randomBytes(24).toString("base64url")}.sig`;
  let ingestion: StandInIngestion;
  let connector: StandInConnector;
  let serve: ServeProcess;
  let dataDir: string;
  let statuses: Record<string, number>;

  beforeAll(async () => {
    ingestion = await StandInIngestion.start();
    connector = await StandInConnector.start();
    dataDir = await mkdtemp(join(tmpdir(), "plan-tracker-telemetry-"));
    serve = await spawnServe({
      DATA_DIR: dataDir,
      LOG_LEVEL: "info",
      ...ingestion.serveEnvironment(instrumentationKey),
    });
    // The SDK loads once the server is ready; what it answers from then on is reported.
    await waitUntil(
      async () => serve.output().includes(TELEMETRY_ON),
      20_000,
      "telemetry to start",
    );
    const base = `http://127.0.0.1:${serve.port}`;
    const user = connector.addUser({ email: "sam@council.gov.uk", name: "Sam" });
    const message = activityFactory(connector, "28:plan-tracker-dev").message(user, "help");
    const chat = await fetch(`${base}/api/messages`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(message),
    });
    const api = await fetch(`${base}/api/plans?token=${queryToken}`, {
      headers: { authorization: `Bearer ${bearer}` },
    });
    const missing = await fetch(`${base}/no/such/page?token=${queryToken}`);
    const newcomer = connector.addUser({ email: "kim@council.gov.uk", name: "Kim" });
    // Installing asks Teams who the user is; nothing answers at this serviceUrl, so the turn fails.
    const failing = await fetch(`${base}/api/messages`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        ...activityFactory(connector, "28:plan-tracker-dev").installationUpdate(newcomer, "add"),
        serviceUrl: "http://127.0.0.1:1/",
      }),
    });
    statuses = {
      chat: chat.status,
      api: api.status,
      missing: missing.status,
      failing: failing.status,
    };
    // The reply goes out after the answer to Teams; wait for it so its call is reported.
    await connector.waitFor(() => connector.messagesIn(message.conversation.id).length > 0);
    await serve.stop();
    if (process.env.DUMP)
      (await import("node:fs")).writeFileSync(
        process.env.DUMP,
        JSON.stringify({ env: ingestion.envelopes, out: serve.output() }, null, 1),
      );
  });

  afterAll(async () => {
    await ingestion?.close();
    await connector?.close();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  const requests = () => ingestion.ofType("RequestData");
  const data = (e: Envelope) => e.data?.baseData ?? {};

  it("reports each request with its route, status and duration", () => {
    expect(statuses.chat).toBe(200);
    const chat = requests().find(
      (e) => data(e).name === "POST /api/messages" && data(e).responseCode === "200",
    );
    expect(chat, JSON.stringify(requests().map(data))).toBeDefined();
    expect(data(chat as Envelope)).toMatchObject({ responseCode: "200", success: true });
    expect(String(data(chat as Envelope).duration)).toMatch(/^(\d+\.)?\d\d:\d\d:\d\d\.\d+$/);
    const api = requests().find((e) => data(e).name === "GET /api/plans");
    expect(data(api as Envelope).responseCode).toBe(String(statuses.api));
    const missing = requests().find((e) => data(e).name === "GET /no/such/page");
    expect(data(missing as Envelope)).toMatchObject({ responseCode: "404" });
  });

  it("reports a failed turn as a failed request with its exception", () => {
    expect(statuses.failing).toBe(500);
    const failed = requests().find(
      (e) => data(e).name === "POST /api/messages" && data(e).responseCode === "500",
    );
    expect(data(failed as Envelope)).toMatchObject({ success: false });
    const exception = ingestion
      .ofType("ExceptionData")
      .find((e) => e.tags?.["ai.operation.id"] === failed?.tags?.["ai.operation.id"]);
    expect(exception, JSON.stringify(ingestion.ofType("ExceptionData"))).toBeDefined();
    const [details] = data(exception as Envelope).exceptions as Array<{ stack: string }>;
    expect(details?.stack.split("\n").length).toBeGreaterThan(2);
  });

  it("sends the log lines pino writes, under the cloud role plan-tracker", () => {
    const running = ingestion
      .ofType("MessageData")
      .find((e) => data(e).message === "Plan Tracker is running");
    expect(running).toBeDefined();
    expect(running?.tags?.["ai.cloud.role"]).toBe("plan-tracker");
    expect(running?.iKey).toBe(instrumentationKey);
  });

  const dependencies = () => ingestion.ofType("RemoteDependencyData");
  const operationOf = (name: string) =>
    requests().find((e) => data(e).name === name && data(e).responseCode !== "500")?.tags?.[
      "ai.operation.id"
    ];

  it("reports the reply to Teams as a dependency of the chat message's request, without ids", () => {
    const reply = dependencies().find(
      (e) => data(e).name === "POST /teams/v3/conversations/{id}/activities",
    );
    expect(reply, JSON.stringify(dependencies().map(data))).toBeDefined();
    expect(data(reply as Envelope)).toMatchObject({ type: "Http", resultCode: "201" });
    expect(reply?.tags?.["ai.operation.id"]).toBe(operationOf("POST /api/messages"));
  });

  it("reports the store's calls made for a request as its dependencies", () => {
    const storeCalls = dependencies().filter((e) =>
      String(data(e).name).includes("/dbs/plan-tracker/colls/"),
    );
    const operation = operationOf("GET /api/plans");
    expect(storeCalls.some((e) => e.tags?.["ai.operation.id"] === operation)).toBe(true);
  });

  it("leaves out query strings, Authorization headers and the connection string", () => {
    const everything = ingestion.bodies.join("\n");
    expect(requests().map((e) => data(e).name)).toContain("GET /api/plans");
    expect(everything).not.toContain(queryToken);
    expect(everything).not.toContain(bearer);
    expect(everything.toLowerCase()).not.toContain("authorization");
    expect(everything).not.toContain(ingestion.connectionString(instrumentationKey));
    expect(everything).not.toContain("IngestionEndpoint");
    // Nor who asked: ids in the calls' paths (a chat, a person's email) are left out.
    expect(everything).not.toContain("sam@council.gov.uk");
  });

  it("sends nothing anywhere but the ingestion endpoint", () => {
    expect(ingestion.envelopes.length).toBeGreaterThan(0);
    expect(ingestion.refusedProxyTargets).toEqual([]);
  });
});
