import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { systemClock } from "../../../src/clock.ts";
import { INTERNAL_ERROR } from "../../../src/http/error-handler.ts";
import { createLogger } from "../../../src/logger.ts";
import { type RunningHttpServer, startHttpServer } from "../../../src/server.ts";
import { StandInConnector, type TeamsUser } from "../../support/stand-in-connector.ts";
import { startTestApp, type TestApp } from "../../support/start-test-app.ts";
import { openTempStore } from "../../support/temp-store.ts";
import { forgedToken, TestJwks } from "../../support/test-jwks.ts";
import { sendThenRead } from "./raw-request.ts";

/** What the real server answers at its edges: bad addresses, odd names, bodies, tokens, failures. */
const APP_ID = "6d1c0b4e-3b1a-4a8e-9a59-2f6f3c0e9b11";

const boundAddress = (t: TestApp) => (t.app.http.server.address() as AddressInfo).address;

describe("the server in development mode", () => {
  let t: TestApp;
  let base: string;
  beforeAll(async () => {
    t = await startTestApp({ skipSamplePlan: true });
    base = `http://127.0.0.1:${t.app.port}`;
  });
  afterAll(async () => {
    await t?.close();
  });

  it("listens on this machine only", () => {
    expect(boundAddress(t)).toBe("127.0.0.1");
  });

  it.each(["__proto__", "constructor", "toString", "hasOwnProperty"])(
    "has no vendor file called %s",
    async (name) => {
      const response = await fetch(`${base}/tab/vendor/${name}`);
      expect(response.status).toBe(404);
      expect(await response.json()).toEqual({
        error: "not_found",
        message: `Nothing at /tab/vendor/${name}.`,
      });
    },
  );

  it("refuses a malformed percent-encoding with 400 and keeps serving", async () => {
    for (const path of ["/api/actions/%", "/api/actions/%E0%A4%A", "/tab/vendor/%"]) {
      const response = await fetch(`${base}${path}`);
      expect(response.status, path).toBe(400);
      expect((await response.json()).error).toBe("bad_url");
    }
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
  });

  it("refuses a body over 512 KB with 413, and one that is not JSON with 400", async () => {
    const post = (body: string) =>
      fetch(`${base}/api/messages`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body,
      });
    const large = await post(JSON.stringify({ type: "message", text: "x".repeat(600_000) }));
    expect(large.status).toBe(413);
    expect(await large.json()).toMatchObject({ error: "too_large" });
    const broken = await post("{not json");
    expect(broken.status).toBe(400);
    expect(await broken.json()).toMatchObject({ error: "bad_json" });
  });

  it.each([
    ["GET", "/tab/vendor/teams-js.js", 200],
    ["GET", "/nothing", 404],
    ["POST", "/api/messages", 413],
  ])(
    "answers %s %s whole to a client still sending a body it did not need",
    async (method, path, status) => {
      const answer = await sendThenRead(
        t.app.port,
        `${method} ${path} HTTP/1.1\r\nHost: x\r\n`,
        1_000_000,
      );
      expect(answer).toEqual({ status, complete: true });
    },
  );

  it("serves the tab's files with its content policy, and nothing outside them", async () => {
    const page = await fetch(`${base}/tab`);
    expect(page.status).toBe(200);
    expect(page.headers.get("content-security-policy")).toContain(
      "frame-ancestors 'self' https://teams.microsoft.com",
    );
    // Teams frames the tab: X-Frame-Options would forbid that.
    expect(page.headers.get("x-frame-options")).toBeNull();
    expect(page.headers.get("x-content-type-options")).toBe("nosniff");
    expect(page.headers.get("cache-control")).toBe("no-cache");
    const script = await fetch(`${base}/tab/assets/app.js`);
    expect(script.status).toBe(200);
    expect(script.headers.get("content-type")).toContain("javascript");
    for (const path of ["/tab/assets/..%2F..%2Fconfig.ts", "/tab/assets/", "/tab/assets/.env"]) {
      expect((await fetch(`${base}${path}`)).status, path).toBe(404);
    }
    expect((await fetch(`${base}/healthz`, { method: "HEAD" })).status).toBe(200);
  });
});

describe("the server in production", () => {
  let jwks: TestJwks;
  let connector: StandInConnector;
  let t: TestApp;
  let user: TeamsUser;
  const warnings: string[] = [];

  beforeAll(async () => {
    // botbuilder prints each refused token to the console itself; the answer is the point here.
    vi.spyOn(console, "error").mockImplementation(() => undefined);
    jwks = await TestJwks.start();
    connector = await StandInConnector.start();
    t = await startTestApp({
      connector,
      skipSamplePlan: true,
      env: jwks.botSettings(APP_ID),
      logger: createLogger("warn", (line) => warnings.push(line)),
    });
    user = t.addTeamsUser({ email: "someone@council.gov.uk", name: "Someone" });
  });
  afterAll(async () => {
    await t?.close();
    await connector?.close();
    await jwks?.close();
    vi.restoreAllMocks();
  });

  it("listens on every interface unless HOST says otherwise", () => {
    expect(["::", "0.0.0.0"]).toContain(boundAddress(t));
  });

  it("answers a bad token with 401 saying only that, and logs why", async () => {
    warnings.length = 0;
    const forged = `Bearer ${await forgedToken(jwks.keyId, { aud: APP_ID, iss: jwks.issuer })}`;
    const response = await t.post(t.activity.message(user, "help"), forged);
    expect(response).toEqual({
      status: 401,
      body: { error: "unauthorized", message: "The request's token was missing or not valid." },
    });
    const refused = warnings.map((line) => JSON.parse(line)).filter((e) => e.level === "warn");
    expect(refused).toEqual([
      expect.objectContaining({ message: "an inbound request's token was refused" }),
    ]);
    expect(String(refused[0].reason).length).toBeGreaterThan(0);
  });
});

describe("HOST", () => {
  it("binds development mode where HOST says", async () => {
    const t = await startTestApp({ skipSamplePlan: true, env: { HOST: "0.0.0.0" } });
    try {
      expect(boundAddress(t)).toBe("0.0.0.0");
    } finally {
      await t.close();
    }
  });
});

describe("a failure inside a route", () => {
  let server: RunningHttpServer;
  let closeStore: () => Promise<void>;
  const logged: string[] = [];

  beforeAll(async () => {
    const temp = await openTempStore(systemClock, "plan-tracker-http-");
    closeStore = temp.close;
    server = await startHttpServer({
      port: 0,
      store: temp.store,
      logger: createLogger("debug", (line) => logged.push(line)),
      routes: (router) => {
        router.get("/fails", () => {
          throw new Error("connection string AccountKey=abc at /srv/app/src/x.ts:12");
        });
        router.get("/fails-later", async () => {
          await Promise.resolve();
          throw new TypeError("Cannot read properties of undefined (reading 'id')");
        });
      },
    });
  });
  afterAll(async () => {
    await server?.close();
    await closeStore?.();
  });

  it.each(["/fails", "/fails-later"])(
    "%s answers 500 without internals and is logged once",
    async (path) => {
      logged.length = 0;
      const response = await fetch(`http://127.0.0.1:${server.port}${path}`);
      expect(response.status).toBe(500);
      const text = await response.text();
      expect(JSON.parse(text)).toEqual(INTERNAL_ERROR);
      expect(text).not.toMatch(/AccountKey|\/srv|TypeError|reading/);
      const errors = logged.map((line) => JSON.parse(line)).filter((e) => e.level === "error");
      expect(errors).toHaveLength(1);
      expect(errors[0]).toMatchObject({ method: "GET", path });
    },
  );
});
