/**
 * `npm run playground`: Plan Tracker in the Microsoft 365 Agents Playground, no Teams tenant needed.
 *
 * Starts `plan-tracker serve` in demo mode with its own data folder (.data/playground, so real data
 * is never touched), then the Playground from node_modules pointed at the bot's /api/messages on
 * the msteams channel, waits until both answer, prints the address to open, and stops both on
 * Ctrl-C. Options: `--open` opens the browser; `--reset` starts again from fresh demo data.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdir, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { type RunningPlayground, startAgentsPlayground } from "../src/demo/agents-playground.ts";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const DATA_DIR = join(ROOT, ".data", "playground");
const BOT_PORT = Number(process.env.PORT ?? 3978);
const PLAYGROUND_PORT = Number(process.env.PLAYGROUND_PORT ?? 56150);
const READY_TIMEOUT_MS = 90_000;

const say = (line: string) => process.stdout.write(`${line}\n`);

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once("error", () => resolve(false));
    probe.listen(port, () => probe.close(() => resolve(true)));
  });
}

async function freePort(preferred: number): Promise<number> {
  if (await portIsFree(preferred)) return preferred;
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/** The server's environment: demo mode, its own data, and no credentials (the Playground has none to offer). */
function serveEnv(port: number): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of [
    "MicrosoftAppId",
    "MicrosoftAppPassword",
    "MicrosoftAppTenantId",
    "MicrosoftAppType",
    "COSMOS_ENDPOINT",
    "COSMOS_KEY",
  ]) {
    delete env[name];
  }
  // Development mode (no token checks) is refused in production, and the Playground needs it.
  if (env.NODE_ENV === "production") delete env.NODE_ENV;
  return {
    ...env,
    PORT: String(port),
    DATA_DIR,
    DEMO_MODE: "1",
    // Any free port, so a Plan Tracker already running on 8081 is no obstacle.
    EMBEDDED_COSMOS_PORT: "0",
    LOG_LEVEL: process.env.LOG_LEVEL ?? "warn",
  };
}

async function waitForHealth(port: number, server: ChildProcess): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) {
      throw new Error(
        `plan-tracker serve stopped (exit code ${server.exitCode}); its message is above.`,
      );
    }
    const ok = await fetch(`http://127.0.0.1:${port}/healthz`)
      .then((r) => r.ok)
      .catch(() => false);
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(
    `plan-tracker serve did not answer on http://localhost:${port}/healthz within ${READY_TIMEOUT_MS / 1000} s.`,
  );
}

function exitOf(child: ChildProcess): Promise<void> {
  return child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve()
    : new Promise((resolve) => child.once("exit", () => resolve()));
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  if (args.includes("--reset")) await rm(DATA_DIR, { recursive: true, force: true });
  await mkdir(DATA_DIR, { recursive: true });

  const botPort = await freePort(BOT_PORT);
  say(`Starting Plan Tracker (demo data in ${DATA_DIR}) on http://localhost:${botPort} …`);
  const server = spawn(process.execPath, [join(ROOT, "bin", "plan-tracker.js"), "serve"], {
    cwd: ROOT,
    env: serveEnv(botPort),
    stdio: ["ignore", "inherit", "inherit"],
  });
  let playground: RunningPlayground | null = null;
  let stopping = false;
  const stopAll = async () => {
    if (stopping) return;
    stopping = true;
    await playground?.stop();
    if (server.exitCode === null && server.signalCode === null) server.kill("SIGTERM");
    await exitOf(server);
  };
  const interrupted = new Promise<number>((resolve) => {
    const onSignal = () => {
      say("\nStopping Plan Tracker and the Agents Playground …");
      void stopAll().then(() => resolve(0));
    };
    process.once("SIGINT", onSignal);
    process.once("SIGTERM", onSignal);
  });

  try {
    await waitForHealth(botPort, server);
    say("Starting the Microsoft 365 Agents Playground …");
    playground = await startAgentsPlayground({
      appEndpoint: `http://localhost:${botPort}/api/messages`,
      port: PLAYGROUND_PORT,
      logFile: join(DATA_DIR, "agents-playground.log"),
      openBrowser: args.includes("--open"),
    });
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    await stopAll();
    return 1;
  }

  say("");
  say(`  Plan Tracker is ready in the Agents Playground: ${playground.url}`);
  say("");
  say(
    "  You are Sam Patel: Head of Service, lead for the \u201cHoS / Service Manager\u201d actions, and on DMT.",
  );
  say(
    "  Try: help \u00b7 what's red for priority 3 \u00b7 start review (then update an action and approve it).",
  );
  say(
    `  The tab: http://localhost:${botPort}/tab \u00b7 Start again with fresh demo data: npm run playground -- --reset`,
  );
  say("  Press Ctrl-C to stop.");
  say("");

  // Either child stopping on its own ends the demo: half of it is no use.
  const childStopped = Promise.race([
    exitOf(server).then(() => "plan-tracker serve"),
    playground.exited.then(() => "the Agents Playground"),
  ]).then(async (which) => {
    if (stopping) return 0;
    process.stderr.write(`${which} stopped unexpectedly; stopping the other. See ${DATA_DIR}.\n`);
    await stopAll();
    return 1;
  });
  return Promise.race([interrupted, childStopped]);
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(
      `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exit(1);
  },
);
