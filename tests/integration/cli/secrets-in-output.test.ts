import { randomBytes } from "node:crypto";
import { rm } from "node:fs/promises";
import { afterAll, describe, expect, it } from "vitest";
import { runCli, runCliHere, tempDataDir } from "../../support/run-cli.ts";
import { type ServeProcess, spawnServe } from "../../support/spawn-serve.ts";

/**
 * Whatever an operator gets wrong, and whatever fails, the keys and passwords in the
 * configuration never reach the output: not in start-up errors, not in the log, not in a stack
 * botbuilder would have printed. Each case runs the real `plan-tracker` in its own process.
 */
const dirs: string[] = [];
const running: ServeProcess[] = [];
const dataDir = () => {
  const dir = tempDataDir("plan-tracker-secrets-");
  dirs.push(dir);
  return dir;
};

afterAll(async () => {
  for (const serve of running.splice(0)) await serve.stop();
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

/** A key as the Azure portal shows one: 88 base64 characters. */
const newKey = () => randomBytes(66).toString("base64");

/** The server's own start line is for people; every other line it writes is one JSON object. */
function logLines(output: string): unknown[] {
  return output
    .split("\n")
    .filter((line) => line !== "" && !line.startsWith("Plan Tracker is listening on "))
    .map((line) => {
      try {
        return JSON.parse(line) as unknown;
      } catch {
        throw new Error(`Not a JSON log line: ${line}`);
      }
    });
}

/** An activity in someone's 1:1 chat, as Teams posts it, calling back where nothing answers. */
const personalActivity = (type: string) => ({
  type,
  id: "f:activity",
  channelId: "msteams",
  serviceUrl: "http://127.0.0.1:1/",
  from: { id: "29:someone", name: "Someone", aadObjectId: "aad-someone" },
  recipient: { id: "28:bot", name: "Plan Tracker" },
  conversation: { id: "a:personal-chat", conversationType: "personal", tenantId: "t" },
  channelData: { tenant: { id: "t" } },
});

const post = (port: number, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`http://127.0.0.1:${port}/api/messages`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify(body),
  });

// Each case starts Node and the server; a busy machine needs more than the default 30 s.
describe("no key or password in anything printed", { timeout: 60_000 }, () => {
  it("names the fix for a connection string in COSMOS_ENDPOINT, and leaves its key out", async () => {
    const key = newKey();
    const env = {
      DATA_DIR: dataDir(),
      COSMOS_ENDPOINT: `AccountEndpoint=https://council.documents.azure.com:443/;AccountKey=${key};`,
    };
    // The server and a command that opens the store print their start-up errors differently;
    // the command runs in this process, as nothing it prints goes past its io.
    const results = [await runCli(["serve"], env), await runCliHere(["export"], env)];
    for (const result of results) {
      expect(result.code).not.toBe(0);
      expect(result.stdout + result.stderr).not.toContain(key);
      expect(result.stderr).toContain(
        "it looks like a connection string: put the address in COSMOS_ENDPOINT and the key in COSMOS_KEY",
      );
    }
  });

  it("leaves COSMOS_KEY out when the store cannot be reached with it", async () => {
    const key = newKey();
    const result = await runCli(["serve"], {
      DATA_DIR: dataDir(),
      // Nothing listens on port 1: the connection fails at once.
      COSMOS_ENDPOINT: "https://127.0.0.1:1/",
      COSMOS_KEY: key,
      LOG_LEVEL: "debug",
    });
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(/Couldn't reach the plan store/);
    expect(result.stdout + result.stderr).not.toContain(key);
  });

  it("leaves MicrosoftAppPassword out when requests are refused, and logs them as JSON", async () => {
    const password = `pw~${randomBytes(24).toString("base64url")}`;
    const serve = await spawnServe({
      DATA_DIR: dataDir(),
      NODE_ENV: "production",
      MicrosoftAppId: "00000000-0000-0000-0000-00000000b07a",
      MicrosoftAppType: "SingleTenant",
      MicrosoftAppTenantId: "00000000-0000-0000-0000-0000000000aa",
      MicrosoftAppPassword: password,
      // Nothing answers here, so checking any token fails inside botbuilder.
      ToBotFromChannelOpenIdMetadataUrl: "http://127.0.0.1:1/.well-known/openid-configuration",
      ToChannelFromBotLoginUrl: "http://127.0.0.1:1/login",
    });
    running.push(serve);
    const activity = { ...personalActivity("installationUpdate"), action: "add" };
    expect((await post(serve.port, activity)).status).toBe(401);
    const forged = `Bearer eyJhbGciOiJSUzI1NiJ9.${Buffer.from(password).toString("base64url")}.x`;
    expect((await post(serve.port, activity, { authorization: forged })).status).toBe(401);
    await serve.stop();
    running.splice(running.indexOf(serve), 1);

    const output = serve.output();
    expect(output).not.toContain(password);
    expect(output).not.toContain(forged);
    // A refused token is the caller's mistake, not a failure: no error lines, no stacks.
    const lines = logLines(output) as Array<{ level: string }>;
    expect(lines.filter((line) => line.level === "error")).toEqual([]);
  });

  it("logs a turn that fails inside botbuilder as one JSON line with the stack inside it", async () => {
    const serve = await spawnServe({ DATA_DIR: dataDir() });
    running.push(serve);
    // A personal install asks Teams who the user is; nothing answers at this serviceUrl.
    const install = { ...personalActivity("installationUpdate"), action: "add" };
    const response = await post(serve.port, install);
    expect(response.status).toBe(500);
    await serve.stop();
    running.splice(running.indexOf(serve), 1);

    const lines = logLines(serve.output()) as Array<{
      level: string;
      message: string;
      error?: { type: string; message: string; stack: string };
    }>;
    const failures = lines.filter((line) => line.level === "error");
    expect(failures).toHaveLength(1);
    expect(failures[0]).toMatchObject({ message: "an activity could not be handled" });
    expect(failures[0]?.error?.stack.split("\n").length).toBeGreaterThan(2);
  });
});
