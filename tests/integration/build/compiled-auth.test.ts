import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { type CompiledCopy, compiledCopy } from "../../support/compiled-copy.ts";
import { type ServeProcess, spawnServe } from "../../support/spawn-serve.ts";
import { StandInConnector } from "../../support/stand-in-connector.ts";
import { activityFactory } from "../../support/start-test-app.ts";
import { TestJwks } from "../../support/test-jwks.ts";

/**
 * The compiled server bundles botbuilder and the token libraries it checks Teams' tokens with: in
 * production every activity's token is checked, so the bundled check must let a signed activity
 * in and keep an unsigned one out, as the TypeScript run does (inbound-tokens.test.ts).
 */
const APP_ID = "6d1c0b4e-3b1a-4a8e-9a59-2f6f3c0e9b11";

describe("the compiled server's token check", () => {
  let copy: CompiledCopy;
  let jwks: TestJwks;
  let connector: StandInConnector;
  let dataDir: string;
  let server: ServeProcess;
  beforeAll(async () => {
    vi.spyOn(console, "error").mockImplementation(() => undefined);
    copy = await compiledCopy("transpile");
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
    await copy?.remove();
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
