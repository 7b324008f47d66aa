import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AppProcess, startAppProcess } from "../../faults/support/app-process.ts";
import { TestJwks } from "../../support/test-jwks.ts";
import { EntraStandIn } from "../api/entra-stand-in.ts";
import { fuzzRequest, MALFORMED_REQUESTS } from "./fuzz-requests.ts";
import { type Answer, send, sendRaw } from "./raw-request.ts";

/**
 * Malformed paths, percent-encodings, query strings, headers, methods and bodies at every route,
 * against the real server in its own process, in development mode and in production (tokens
 * checked against local key sets). Each request gets an answer below 500 (the client's garbage is
 * never the server's failure), `/healthz` stays 200, and the process is still running at the end.
 */
const RUNS = Number(process.env.HTTP_FUZZ_RUNS ?? 300);
/** Fixed so a failure can be repeated; set HTTP_FUZZ_SEED to explore further. */
const SEED = Number(process.env.HTTP_FUZZ_SEED ?? 20261216);
/** How often, in requests, the server's health is checked between them. */
const BATCH = 25;

interface Mode {
  name: string;
  env: () => Record<string, string>;
}

let jwks: TestJwks;
let entra: EntraStandIn;
const servers = new Map<string, AppProcess>();
const dataDirs: string[] = [];

const MODES: Mode[] = [
  { name: "development mode", env: () => ({}) },
  {
    name: "production",
    env: () => ({
      ...entra.env(),
      ToBotFromChannelOpenIdMetadataUrl: jwks.metadataUrl,
      ToBotFromChannelTokenIssuer: jwks.issuer,
    }),
  },
];

// Both servers start at once: starting a process is most of this file's time.
beforeAll(async () => {
  [jwks, entra] = await Promise.all([TestJwks.start(), EntraStandIn.start()]);
  await Promise.all(
    MODES.map(async (mode) => {
      const dataDir = await mkdtemp(join(tmpdir(), "plan-tracker-fuzz-"));
      dataDirs.push(dataDir);
      servers.set(mode.name, await startAppProcess({ dataDir, env: mode.env() }));
    }),
  );
});
afterAll(async () => {
  await Promise.all([...servers.values()].map((server) => server.stop()));
  await Promise.all([jwks?.close(), entra?.close()]);
  await Promise.all(dataDirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

describe.each(MODES)("the HTTP server in $name, sent malformed requests", (mode) => {
  let server: AppProcess;
  beforeAll(() => {
    server = servers.get(mode.name) as AppProcess;
  });

  const alive = () => server.child.exitCode === null && server.child.signalCode === null;
  const healthy = async () => {
    expect(alive(), "the server process has exited").toBe(true);
    expect(await send(server.port, { method: "GET", path: "/healthz", headers: {} })).toEqual({
      status: 200,
    });
  };
  const answeredBelow500 = (answer: Answer, what: string) => {
    expect(answer, what).toHaveProperty("status");
    expect((answer as { status: number }).status, what).toBeLessThan(500);
  };

  it("answers every request with a status below 500 and stays healthy", {
    timeout: 60_000,
  }, async () => {
    let sent = 0;
    const statuses = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(fuzzRequest, async (request) => {
        const answer = await send(server.port, request);
        answeredBelow500(answer, `${request.method} ${request.path}`);
        const status = (answer as { status: number }).status;
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
        sent += 1;
        if (sent % BATCH === 0) await healthy();
      }),
      // Shrinking would replay requests against a server that may have just died: report as found.
      { numRuns: RUNS, seed: SEED, endOnFailure: true },
    );
    await healthy();
    // The requests reached the routes' own answers, not only the 404 and the 400s.
    expect([...statuses.keys()]).toEqual(expect.arrayContaining([200, 400, 404, 413]));
  });

  it("answers request lines no client should send, and keeps running", async () => {
    for (const line of MALFORMED_REQUESTS) {
      answeredBelow500(await sendRaw(server.port, line), JSON.stringify(line));
    }
    await healthy();
  });

  it("says nothing about itself in a refusal", async () => {
    const answer = await fetch(`http://127.0.0.1:${server.port}/api/actions/%`);
    expect(answer.status).toBe(400);
    const body = await answer.json();
    expect(body).toEqual({ error: "bad_url", message: expect.stringContaining("%") });
    expect(JSON.stringify(body)).not.toMatch(/URIError|at .*\.(ts|js)|node_modules/);
  });
});
