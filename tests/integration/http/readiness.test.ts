import { readFile } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type SharedStore, startSharedStore } from "../../faults/support/shared-store.ts";
import { startTestApp, type TestApp } from "../../support/start-test-app.ts";

/**
 * `/readyz` is what the platform's health check asks: ready once start-up is done and while the
 * store answers, with a plain reason otherwise and nothing about the store's whereabouts.
 */
describe("the readiness answer", () => {
  let shared: SharedStore;
  let t: TestApp;
  const get = async (path: string) => {
    const response = await fetch(`http://127.0.0.1:${t.app.port}${path}`);
    return { status: response.status, text: await response.text() };
  };

  beforeAll(async () => {
    shared = await startSharedStore();
    t = await startTestApp({ env: shared.env });
  });
  afterAll(async () => {
    await t?.close();
    await shared?.close();
  });

  it("is 200 once the server has started and its store answers", async () => {
    const ready = await get("/readyz");
    expect(ready.status).toBe(200);
    expect(JSON.parse(ready.text)).toEqual({ status: "ready" });
  });

  it("is the path the deployment template's health check asks", async () => {
    const template = await readFile(new URL("../../../infra/azure.json", import.meta.url), "utf8");
    const path = /"healthCheckPath":\s*"([^"]+)"/.exec(template)?.[1];
    expect(path).toBe("/readyz");
    expect((await get(path as string)).status).toBe(200);
  });

  it("is 503 with a plain reason while the store is down, and 200 again when it is back", async () => {
    // Not awaited: the store stops listening at once, but its close waits on the app's open sockets.
    void shared.cosmos.suspend();
    try {
      const down = await get("/readyz");
      expect(down.status).toBe(503);
      expect(JSON.parse(down.text)).toEqual({
        status: "not_ready",
        message: "The plan store is not answering; this instance will be ready when it does.",
      });
      // No address, port, key or error text from inside the server.
      expect(down.text).not.toMatch(/127\.0\.0\.1|https?:|ECONN|key|stack/i);
    } finally {
      await shared.cosmos.resume();
    }
    expect((await get("/readyz")).status).toBe(200);
  });
});
