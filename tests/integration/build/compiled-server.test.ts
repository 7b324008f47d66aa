import { randomUUID } from "node:crypto";
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { TELEMETRY_ON } from "../../../src/telemetry/telemetry.ts";
import { type CompiledCopy, compiledCopy } from "../../support/compiled-copy.ts";
import { type ServeProcess, spawnServe } from "../../support/spawn-serve.ts";
import { StandInConnector } from "../../support/stand-in-connector.ts";
import { type Envelope, StandInIngestion } from "../../support/stand-in-ingestion.ts";
import { activityFactory, waitUntil } from "../../support/start-test-app.ts";
import { TestJwks } from "../../support/test-jwks.ts";

/**
 * The compiled server (`npm run build`'s bundling, in a copy of the project without tsx), built
 * once for every check below.
 */
let copy: CompiledCopy;
beforeAll(async () => {
  copy = await compiledCopy("transpile");
}, 60_000);
afterAll(() => copy?.remove());

/**
 * What the compiled server loads. Bundling moves a package's import above the bundled code before
 * it, so a module that must run before a package loads (the geometry library's stand-in) can work
 * through tsx and not once built: this runs the build and lists the modules it loaded.
 */
describe("the compiled server's modules", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "plan-tracker-modules-"));
  }, 60_000);
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it("serves without loading the geometry library the embedded store's SQL engine asks for", async () => {
    const listing = join(dir, "modules.json");
    const preload = join(dir, "list-modules.cjs");
    // Every CommonJS module the process loaded (packages imported from ESM included), at exit,
    // each with whether it is the stand-in, which hands out a function for any name it is asked.
    await writeFile(
      preload,
      `process.on("exit", () => {
        const loaded = Object.entries(require.cache).map(([path, module]) => ({
          path,
          standIn: typeof module?.exports?.["\\u0000no such export"] === "function",
        }));
        require("node:fs").writeFileSync(${JSON.stringify(listing)}, JSON.stringify(loaded));
      });\n`,
    );
    const server = await spawnServe(
      { DATA_DIR: join(dir, "data"), NODE_OPTIONS: `--require ${preload}` },
      { bin: copy.bin },
    );
    expect((await fetch(`http://127.0.0.1:${server.port}/healthz`)).status).toBe(200);
    await server.stop();
    const modules = JSON.parse(await readFile(listing, "utf8")) as {
      path: string;
      standIn: boolean;
    }[];
    // The engine itself is loaded (so the listing sees the store's packages), the library is not.
    expect(modules.some(({ path }) => path.includes("/@zeit/cosmosdb-query/"))).toBe(true);
    const geometry = modules.filter(({ path }) => path.includes("/@turf/"));
    expect(geometry.filter(({ standIn }) => !standIn).map(({ path }) => path)).toEqual([]);
    expect(geometry).toHaveLength(1);
  }, 60_000);

  it("bundles one copy of each package release, however many places it is installed in", async () => {
    const dist = join(copy.root, "dist");
    const roots = new Map<string, Set<string>>();
    for (const name of await readdir(dist)) {
      if (!name.endsWith(".js.map")) continue;
      const map = JSON.parse(await readFile(join(dist, name), "utf8")) as { sources: string[] };
      for (const source of map.sources) {
        const path = resolve(dist, source);
        const at = path.lastIndexOf("/node_modules/");
        if (at === -1) continue;
        const parts = path.slice(at + "/node_modules/".length).split("/");
        const root =
          path.slice(0, at) +
          "/node_modules/" +
          parts.slice(0, parts[0]?.startsWith("@") ? 2 : 1).join("/");
        // Some packages' own source maps name files of theirs that were never installed.
        const manifest = await readFile(join(root, "package.json"), "utf8").catch(() => null);
        if (!manifest) continue;
        const { name: pkg, version } = JSON.parse(manifest) as { name: string; version: string };
        const release = `${pkg}@${version}`;
        roots.set(release, (roots.get(release) ?? new Set()).add(root));
      }
    }
    // botbuilder's packages each install the same zod 3 release.
    expect([...roots.keys()].some((release) => release.startsWith("zod@3."))).toBe(true);
    const twice = [...roots].filter(([, found]) => found.size > 1).map(([release]) => release);
    expect(twice).toEqual([]);
  });
});

/**
 * The compiled server bundles botbuilder and the token libraries it checks Teams' tokens with: in
 * production every activity's token is checked, so the bundled check must let a signed activity
 * in and keep an unsigned one out, as the TypeScript run does (inbound-tokens.test.ts).
 */
const APP_ID = "6d1c0b4e-3b1a-4a8e-9a59-2f6f3c0e9b11";

describe("the compiled server's token check", () => {
  let jwks: TestJwks;
  let connector: StandInConnector;
  let dataDir: string;
  let server: ServeProcess;
  beforeAll(async () => {
    vi.spyOn(console, "error").mockImplementation(() => undefined);
    jwks = await TestJwks.start();
    connector = await StandInConnector.start();
    dataDir = await mkdtemp(join(tmpdir(), "plan-tracker-compiled-auth-"));
    server = await spawnServe(
      { DATA_DIR: dataDir, ...jwks.botSettings(APP_ID) },
      { bin: copy.bin },
    );
  }, 60_000);
  afterAll(async () => {
    await server?.stop();
    await connector?.close();
    await jwks?.close();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
    vi.restoreAllMocks();
  });

  const post = async (authorization?: string) => {
    const user = connector.addUser({ email: "jo.lead@council.gov.uk", name: "Jo Lead" });
    const activity = activityFactory(connector, `28:${APP_ID}`).message(user, "help");
    const response = await fetch(`http://127.0.0.1:${server.port}/api/messages`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        ...(authorization ? { authorization } : {}),
      },
      body: JSON.stringify(activity),
    });
    await response.arrayBuffer();
    return response.status;
  };

  it("lets in an activity with a valid token and keeps out one without", async () => {
    const token = await jwks.sign({ aud: APP_ID, iss: jwks.issuer, serviceurl: connector.url });
    expect(await post(`Bearer ${token}`)).toBeLessThan(300);
    expect(await post()).toBe(401);
    expect(await post(`Bearer ${await jwks.sign({ aud: "another-bot", iss: jwks.issuer })}`)).toBe(
      401,
    );
  });
});

/**
 * Application Insights from the compiled server: the build leaves the OpenTelemetry distro in
 * node_modules and loads it from a chunk of its own once the server is ready, so that chunk's
 * import must resolve from dist/ and report as the TypeScript run does (app-insights.test.ts).
 */
describe("telemetry from the compiled server", { timeout: 60_000 }, () => {
  const instrumentationKey = randomUUID();
  let ingestion: StandInIngestion;
  let dataDir: string;

  beforeAll(async () => {
    ingestion = await StandInIngestion.start();
    dataDir = await mkdtemp(join(tmpdir(), "plan-tracker-compiled-telemetry-"));
  }, 60_000);
  afterAll(async () => {
    await ingestion?.close();
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
