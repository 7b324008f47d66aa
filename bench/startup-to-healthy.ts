/**
 * Start-up to healthy: `plan-tracker serve` spawned as an operator runs it, on a data folder whose
 * embedded store already holds the plan's actions (and each one's audit entry, as an import leaves),
 * timed from the spawn until GET /healthz answers 200. Measured after a clean stop (snapshot) and
 * after a kill -9 (the journal replayed too). Run alone: `npx tsx bench/startup-to-healthy.ts`.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { silentLogger } from "../src/logger.ts";
import { startEmbeddedCosmos } from "../src/store/embedded/index.ts";
import { connectStore } from "../src/store/store.ts";
import { largePlanAction, seedActions } from "./large-plan.ts";

const BIN = new URL("../bin/plan-tracker.js", import.meta.url).pathname;

export interface StartupResult {
  actions: number;
  /** Spawn → /healthz 200, after a clean stop (median of `runs`). */
  cleanStartMs: number;
  /** The same after the previous server was killed with SIGKILL. */
  afterKillMs: number;
  runs: number;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** A data folder holding `actions` actions and an audit entry for each. */
async function populatedDataDir(actions: number): Promise<string> {
  const dataDir = await mkdtemp(join(tmpdir(), "plan-tracker-startup-"));
  const embedded = await startEmbeddedCosmos({ dataDir, port: 0 });
  const store = await connectStore({
    target: { endpoint: embedded.endpoint, key: embedded.key, selfSigned: true },
    databaseId: "plan-tracker",
    clock: { now: () => new Date() },
    logger: silentLogger,
  });
  await seedActions(store, { actions, leads: Math.max(1, Math.round(actions / 10)) });
  const entries = Array.from({ length: actions }, (_, n) => {
    const action = largePlanAction(n, 1);
    return { n, entity: `action:${action.ref}`, after: action };
  });
  for (let i = 0; i < entries.length; i += 200) {
    await Promise.all(
      entries.slice(i, i + 200).map(({ n, entity, after }) =>
        store.containers.audit.items.create({
          id: `seed-${n}`,
          entity,
          at: new Date().toISOString(),
          actor: { id: "cli", name: "plan-tracker command line" },
          operation: "create",
          summary: `${after.ref} created`,
          before: null,
          after,
        }),
      ),
    );
  }
  await store.close();
  await embedded.stop();
  return dataDir;
}

/** Spawns `serve` and resolves with the milliseconds until /healthz answered 200. */
async function timeToHealthy(dataDir: string): Promise<{ ms: number; child: ChildProcess }> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, [BIN, "serve"], {
    env: {
      PATH: process.env.PATH ?? "",
      LOG_LEVEL: "warn",
      PORT: String(port),
      DATA_DIR: dataDir,
      EMBEDDED_COSMOS_PORT: "0",
    },
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  child.stderr?.on("data", (d: Buffer) => {
    stderr = (stderr + d.toString()).slice(-4000);
  });
  for (;;) {
    if (child.exitCode !== null) throw new Error(`serve exited (${child.exitCode}):\n${stderr}`);
    if (performance.now() - started > 60_000)
      throw new Error(`serve was not healthy in 60 s:\n${stderr}`);
    try {
      const answer = await fetch(`http://127.0.0.1:${port}/healthz`);
      if (answer.status === 200) return { ms: performance.now() - started, child };
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

function stopped(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  return new Promise((resolve) => {
    child.once("exit", () => resolve());
    child.kill(signal);
  });
}

export async function runStartupBench(o: {
  actions: number;
  runs?: number;
}): Promise<StartupResult> {
  const runs = o.runs ?? 3;
  const dataDir = await populatedDataDir(o.actions);
  try {
    const clean: number[] = [];
    const afterKill: number[] = [];
    for (let i = 0; i < runs; i++) {
      const first = await timeToHealthy(dataDir);
      clean.push(first.ms);
      await stopped(first.child, "SIGKILL");
      const second = await timeToHealthy(dataDir);
      afterKill.push(second.ms);
      await stopped(second.child, "SIGTERM");
    }
    const median = (xs: number[]) =>
      Math.round([...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0);
    return {
      actions: o.actions,
      cleanStartMs: median(clean),
      afterKillMs: median(afterKill),
      runs,
    };
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const quick = process.argv.includes("--quick");
  console.log(await runStartupBench({ actions: quick ? 1_000 : 10_000 }));
}
