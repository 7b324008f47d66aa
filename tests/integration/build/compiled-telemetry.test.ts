import { randomUUID } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TELEMETRY_ON } from "../../../src/telemetry/telemetry.ts";
import { type CompiledCopy, compiledCopy } from "../../support/compiled-copy.ts";
import { spawnServe } from "../../support/spawn-serve.ts";
import { type Envelope, StandInIngestion } from "../../support/stand-in-ingestion.ts";
import { waitUntil } from "../../support/start-test-app.ts";

/**
 * Application Insights from the compiled server: the build leaves the OpenTelemetry distro in
 * node_modules and loads it from a chunk of its own once the server is ready, so that chunk's
 * import must resolve from dist/ and report as the TypeScript run does (app-insights.test.ts).
 */
describe("telemetry from the compiled server", { timeout: 60_000 }, () => {
  const instrumentationKey = randomUUID();
  let copy: CompiledCopy;
  let ingestion: StandInIngestion;
  let dataDir: string;

  beforeAll(async () => {
    copy = await compiledCopy("transpile");
    ingestion = await StandInIngestion.start();
    dataDir = await mkdtemp(join(tmpdir(), "plan-tracker-compiled-telemetry-"));
  }, 60_000);
  afterAll(async () => {
    await ingestion?.close();
    await copy?.remove();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it("sends its requests and log lines", async () => {
    const serve = await spawnServe(
      { DATA_DIR: dataDir, LOG_LEVEL: "info", ...ingestion.serveEnvironment(instrumentationKey) },
      { bin: copy.bin },
    );
    try {
      await waitUntil(async () => serve.output().includes(TELEMETRY_ON), 20_000, "telemetry");
      // The health probes are left out of telemetry; the tab's page is not.
      expect((await fetch(`http://127.0.0.1:${serve.port}/tab/`)).status).toBe(200);
    } finally {
      await serve.stop();
    }
    const data = (e: Envelope) => e.data?.baseData ?? {};
    const names = ingestion.ofType("RequestData").map((e) => data(e).name);
    expect(names.some((name) => String(name).startsWith("GET /tab"))).toBe(true);
    const running = ingestion
      .ofType("MessageData")
      .find((e) => data(e).message === "Plan Tracker is running");
    expect(running?.iKey).toBe(instrumentationKey);
  });
});
