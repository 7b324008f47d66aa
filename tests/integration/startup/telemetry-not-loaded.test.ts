import { execFile } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";

const run = promisify(execFile);

/**
 * Loads the app in a fresh Node process, starts and stops it, and prints every module the process
 * loaded whose path names OpenTelemetry: ES modules through a resolve hook registered first,
 * CommonJS ones from require's cache.
 */
const SCRIPT = `
import { createRequire, register } from "node:module";
import { MessageChannel } from "node:worker_threads";
const { port1, port2 } = new MessageChannel();
const resolved = [];
port1.on("message", (url) => resolved.push(url));
const hook = "data:text/javascript," + encodeURIComponent(
  "let port; export function initialize(data) { port = data.port; }" +
  "export async function resolve(specifier, context, next) {" +
  "  const result = await next(specifier, context); port.postMessage(result.url); return result; }",
);
register(hook, { data: { port: port2 }, transferList: [port2] });
const { startApp } = await import(process.env.APP_URL);
const app = await startApp({ env: process.env });
await app.close();
await new Promise((resolve) => setTimeout(resolve, 100));
port1.close();
const loaded = [...resolved, ...Object.keys(createRequire(import.meta.url).cache)];
console.log(JSON.stringify(loaded.filter((path) => /opentelemetry/i.test(path))));
`;

async function openTelemetryModulesLoaded(env: Record<string, string>): Promise<string[]> {
  const { stdout } = await run(
    process.execPath,
    ["--import", "tsx", "--input-type=module", "--eval", SCRIPT],
    {
      env: {
        PATH: process.env.PATH ?? "",
        APP_URL: new URL("../../../src/app.ts", import.meta.url).href,
        PORT: "0",
        EMBEDDED_COSMOS_PORT: "0",
        LOG_LEVEL: "silent",
        ...env,
      },
      timeout: 60_000,
    },
  );
  const lastLine = stdout.trim().split("\n").at(-1) ?? "";
  return z.array(z.string()).parse(JSON.parse(lastLine));
}

describe("OpenTelemetry at start-up", { timeout: 60_000 }, () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), "plan-tracker-telemetry-off-"));
  });
  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it("is not even loaded when APPLICATIONINSIGHTS_CONNECTION_STRING is unset", async () => {
    expect(await openTelemetryModulesLoaded({ DATA_DIR: join(dataDir, "off") })).toEqual([]);
  });
});
