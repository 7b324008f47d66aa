import { type ChildProcess, spawn } from "node:child_process";
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { projectFile } from "../project-files.ts";

/**
 * The Microsoft 365 Agents Playground (`@microsoft/m365agentsplayground`, a devDependency) run
 * from node_modules as a child process: a local Teams-like client with its own mock Bot Connector.
 */

/** The repo's Playground world: the demo directory's people, a group chat, a team with a DMT channel. */
export const PLAYGROUND_CONFIG_PATH = projectFile(".m365agentsplayground.yml");

export interface AgentsPlaygroundOptions {
  /** The bot's endpoint, e.g. http://localhost:3978/api/messages. */
  appEndpoint: string;
  /** 0 for any free port; the Playground itself falls back to a free port when this one is taken. */
  port?: number;
  configPath?: string;
  /** The Playground writes its console here (it prints almost nothing to a pipe). */
  logFile: string;
  /** Open the system browser at the Playground (off for tests and headless machines). */
  openBrowser?: boolean;
  /** How long to wait for it to answer. */
  timeoutMs?: number;
}

export interface RunningPlayground {
  port: number;
  url: string;
  process: ChildProcess;
  /** Resolves with the exit code when the Playground stops, for whatever reason. */
  exited: Promise<number | null>;
  stop(): Promise<void>;
}

function playgroundCli(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve("@microsoft/m365agentsplayground/package.json")), "cli.js");
}

/** The reason the Playground logged for failing (it logs to its file, not to a pipe), or a fallback. */
async function failureReason(logFile: string, code: number | null): Promise<string> {
  const log = await readFile(logFile, "utf8").catch(() => "");
  const reasons = log
    .split("\n")
    .filter((line) => line.startsWith("error "))
    .map((line) => line.slice("error ".length).trim());
  const found = reasons.join(" ");
  return found
    ? `The Agents Playground stopped: ${found}`
    : `The Agents Playground stopped with exit code ${code}: check ${logFile}.`;
}

function listeningPort(child: ChildProcess): Promise<number> {
  return new Promise((resolve, reject) => {
    let seen = "";
    child.stdout?.on("data", (chunk: Buffer) => {
      seen += chunk.toString();
      const match = /Listening on (\d+)/.exec(seen);
      if (match) resolve(Number(match[1]));
    });
    child.once("exit", () => reject(new Error("exited before listening")));
  });
}

/**
 * Resolves once `/_debug/ping` answers: the Playground mounts that route only after it has
 * accepted its config file. A file that does not fit its schema makes it print "Listening on …"
 * and then exit 1 without a word on the console, so "Listening" alone proves nothing.
 */
async function waitUntilServing(
  port: number,
  exited: Promise<unknown>,
  deadline: number,
): Promise<boolean> {
  let gone = false;
  void exited.then(() => {
    gone = true;
  });
  while (!gone && Date.now() < deadline) {
    const ok = await fetch(`http://127.0.0.1:${port}/_debug/ping`)
      .then((r) => r.ok)
      .catch(() => false);
    if (ok && !gone) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return false;
}

/** Starts the Playground for the bot at `appEndpoint` on the msteams channel and waits until it serves. */
export async function startAgentsPlayground(
  o: AgentsPlaygroundOptions,
): Promise<RunningPlayground> {
  const child = spawn(
    process.execPath,
    [
      playgroundCli(),
      "--app-endpoint",
      o.appEndpoint,
      "--channel-id",
      "msteams",
      "--port",
      String(o.port ?? 0),
      "--disable-telemetry",
    ],
    {
      env: {
        ...process.env,
        M365_AGENTS_PLAYGROUND_CONFIG_PATH: o.configPath ?? PLAYGROUND_CONFIG_PATH,
        M365_AGENTS_PLAYGROUND_LOGFILE: o.logFile,
        TEAMSAPPTESTER_BROWSER: o.openBrowser ? "" : "none",
      },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  // Its console goes to its log file; drain the pipes so a chatty moment never blocks it.
  child.stderr?.resume();
  const exited = new Promise<number | null>((resolve) =>
    child.once("exit", (code) => resolve(code)),
  );
  // Never leave a Playground behind when this process ends without stopping it (a crash, a test timeout).
  const killOnExit = () => child.kill("SIGTERM");
  process.once("exit", killOnExit);
  void exited.then(() => process.removeListener("exit", killOnExit));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
    await exited;
  };
  const deadline = Date.now() + (o.timeoutMs ?? 30_000);
  let port: number;
  try {
    port = await Promise.race([
      listeningPort(child),
      new Promise<never>((_, reject) =>
        setTimeout(
          () => reject(new Error("did not start listening in time")),
          o.timeoutMs ?? 30_000,
        ).unref(),
      ),
    ]);
  } catch (error) {
    await stop();
    throw new Error(await failureReason(o.logFile, child.exitCode), { cause: error });
  }
  if (!(await waitUntilServing(port, exited, deadline))) {
    await stop();
    throw new Error(await failureReason(o.logFile, child.exitCode));
  }
  return { port, url: `http://localhost:${port}`, process: child, exited, stop };
}
