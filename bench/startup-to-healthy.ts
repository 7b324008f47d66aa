/**
 * Start-up to healthy: `plan-tracker serve` spawned as an operator runs it, on a data folder whose
 * embedded store already holds the plan's actions (and each one's audit entry, as an import leaves),
 * timed from the spawn until GET /healthz answers 200. Measured after a clean stop (snapshot) and
 * after a kill -9 (the journal replayed too), then a question asked at once and timed to its answer
 * (the first read of the plan included), and the server's resident memory (VmRSS) once it has
 * settled and after a round of managers' questions. Each is measured twice: the TypeScript run
 * through tsx (no build) and the compiled server (`npm run build`'s dist/, from a copy of the
 * project without tsx). Run alone: `npx tsx bench/startup-to-healthy.ts [--quick]`.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { silentLogger } from "../src/logger.ts";
import { EMBEDDED_COSMOS_KEY, startEmbeddedCosmos } from "../src/store/embedded/index.ts";
import { connectStore } from "../src/store/store.ts";
import { compiledCopy } from "../tests/support/compiled-copy.ts";
import { StandInConnector } from "../tests/support/stand-in-connector.ts";
import { activityFactory, type TestPerson } from "../tests/support/start-test-app.ts";
import { largePlanAction, seedActions, seedPerson } from "./large-plan.ts";
import { QUESTIONS } from "./question-latency.ts";

const BIN = new URL("../bin/plan-tracker.js", import.meta.url).pathname;
/** Questions come from several managers, so no chat meets Teams' per-chat limit. */
const MANAGERS = 5;

export interface StartupFigures {
  /** Spawn → /healthz 200, after a clean stop (median of `runs`). */
  cleanStartMs: number;
  /** The same after the previous server was killed with SIGKILL. */
  afterKillMs: number;
  /**
   * Spawn → the answer to a manager's question reaching the stand-in, the question sent the
   * moment /healthz answered: what a person asking at start-up waits, the plan's first read and
   * the question index's first build included (median of `runs`).
   */
  firstAnswerMs: number;
  /** The server's VmRSS a few seconds after it became healthy (its index warmed), in MB. */
  idleResidentMb: number;
  /** The same after every manager asked each question once (their answers delivered). */
  afterQuestionsResidentMb: number;
}

/** The compiled server on a store in another process, as on Azure Cosmos DB. */
export interface SeparateStoreFigures {
  /** Spawn → /healthz 200 with the store already running (median of `runs`). */
  cleanStartMs: number;
  /** The server's VmRSS, settled and after the questions: its own share. */
  idleResidentMb: number;
  afterQuestionsResidentMb: number;
  /** The store process's VmRSS after the questions: the share that moves to Azure. */
  storeResidentMb: number;
}

/**
 * A bare botbuilder echo bot started the same way in the same run (bench/echo-bot-process.mjs):
 * what Node and botbuilder alone cost on the machine at that moment, to read the others against.
 */
export interface EchoFigures {
  /** Spawn → /healthz 200 (median of `runs`). */
  startMs: number;
  /** Its VmRSS 3 s after it listens. */
  idleResidentMb: number;
}

/** The TypeScript through tsx (no build) at the top level, as before; `compiled`: dist/. */
export interface StartupResult extends StartupFigures {
  actions: number;
  runs: number;
  questions: number;
  compiled: StartupFigures;
  separateStore: SeparateStoreFigures;
  echo: EchoFigures;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** A data folder holding `actions` actions, an audit entry for each, and the managers. */
async function populatedDataDir(
  actions: number,
  connector: StandInConnector,
): Promise<{ dataDir: string; managers: TestPerson[] }> {
  const dataDir = await mkdtemp(join(tmpdir(), "plan-tracker-startup-"));
  const embedded = await startEmbeddedCosmos({ dataDir, port: 0 });
  const store = await connectStore({
    target: { endpoint: embedded.endpoint, key: embedded.key, selfSigned: true },
    databaseId: "plan-tracker",
    clock: { now: () => new Date() },
    logger: silentLogger,
  });
  await seedActions(store, { actions, leads: Math.max(1, Math.round(actions / 10)) });
  const managers: TestPerson[] = [];
  for (let i = 0; i < MANAGERS; i++) {
    managers.push(
      await seedPerson(store, connector, {
        email: `manager${i}@council.gov.uk`,
        name: `Manager ${i}`,
        roles: ["manager"],
      }),
    );
  }
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
  return { dataDir, managers };
}

interface Healthy {
  ms: number;
  /** performance.now() when /healthz first answered 200. */
  healthyAt: number;
  child: ChildProcess;
  url: string;
}

/** Spawns `serve` and resolves with the milliseconds until /healthz answered 200. */
async function timeToHealthy(
  dataDir: string,
  bin: string,
  env: Record<string, string> = {},
): Promise<Healthy> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, [bin, "serve"], {
    env: {
      PATH: process.env.PATH ?? "",
      LOG_LEVEL: "warn",
      PORT: String(port),
      DATA_DIR: dataDir,
      EMBEDDED_COSMOS_PORT: "0",
      ...env,
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
      if (answer.status === 200)
        return {
          ms: performance.now() - started,
          healthyAt: performance.now(),
          child,
          url: `http://127.0.0.1:${port}`,
        };
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

/** The embedded store alone in its own process (bench/store-process.ts), once it answers. */
async function storeProcess(dataDir: string): Promise<{ child: ChildProcess; endpoint: string }> {
  const script = fileURLToPath(new URL("./store-process.ts", import.meta.url));
  const child = spawn(process.execPath, ["--import", "tsx", script, dataDir], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const endpoint = await new Promise<string>((resolve, reject) => {
    const read = (d: Buffer) => {
      output += d.toString();
      const m = /^ready (\S+)$/m.exec(output);
      if (m?.[1]) resolve(m[1]);
    };
    child.stdout?.on("data", read);
    child.stderr?.on("data", read);
    child.once("exit", (code) => reject(new Error(`the store exited (${code}):\n${output}`)));
  });
  return { child, endpoint };
}

/** The middle of `xs`, rounded: each figure is the median of the section's runs. */
function median(xs: number[]): number {
  return Math.round([...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0);
}

async function residentMb(child: ChildProcess): Promise<number> {
  const status = await readFile(`/proc/${child.pid}/status`, "utf8");
  const kb = /^VmRSS:\s+(\d+)\s+kB/m.exec(status)?.[1];
  if (!kb) throw new Error(`No VmRSS in /proc/${child.pid}/status`);
  return Math.round(Number(kb) / 1024);
}

/** `manager` asks `question`; resolves once the answer has reached the stand-in. */
async function ask(
  url: string,
  connector: StandInConnector,
  manager: TestPerson,
  question: string,
): Promise<void> {
  const activity = activityFactory(connector, "28:plan-tracker-dev").message(manager, question);
  const before = connector.messagesIn(activity.conversation.id).length;
  const answered = connector.waitFor(
    () => connector.messagesIn(activity.conversation.id).length > before,
    60_000,
    "the answer",
  );
  const response = await fetch(`${url}/api/messages`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(activity),
  });
  await response.arrayBuffer();
  if (response.status >= 300) throw new Error(`a question was answered ${response.status}`);
  await answered;
}

/** Each manager asks each question once, in turn, each answer awaited at the stand-in. */
async function askRound(url: string, connector: StandInConnector, managers: TestPerson[]) {
  for (const question of QUESTIONS) {
    for (const manager of managers) await ask(url, connector, manager, question);
  }
}

async function measure(
  bin: string,
  runs: number,
  seeded: { dataDir: string; managers: TestPerson[] },
  connector: StandInConnector,
): Promise<StartupFigures> {
  const clean: number[] = [];
  const firstAnswer: number[] = [];
  const afterKill: number[] = [];
  const idle: number[] = [];
  const afterQuestions: number[] = [];
  for (let i = 0; i < runs; i++) {
    const first = await timeToHealthy(seeded.dataDir, bin);
    clean.push(first.ms);
    const [manager] = seeded.managers;
    if (!manager) throw new Error("no manager to ask");
    await ask(first.url, connector, manager, QUESTIONS[0] ?? "how many reds");
    firstAnswer.push(first.ms + (performance.now() - first.healthyAt));
    await stopped(first.child, "SIGKILL");
    const second = await timeToHealthy(seeded.dataDir, bin);
    afterKill.push(second.ms);
    // Settled: the question index has read the store and start-up's garbage is collectable.
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    idle.push(await residentMb(second.child));
    await askRound(second.url, connector, seeded.managers);
    afterQuestions.push(await residentMb(second.child));
    await stopped(second.child, "SIGTERM");
  }
  return {
    cleanStartMs: median(clean),
    afterKillMs: median(afterKill),
    firstAnswerMs: median(firstAnswer),
    idleResidentMb: median(idle),
    afterQuestionsResidentMb: median(afterQuestions),
  };
}

async function measureSeparateStore(
  bin: string,
  runs: number,
  seeded: { dataDir: string; managers: TestPerson[] },
  connector: StandInConnector,
): Promise<SeparateStoreFigures> {
  const store = await storeProcess(seeded.dataDir);
  const env = { COSMOS_ENDPOINT: store.endpoint, COSMOS_KEY: EMBEDDED_COSMOS_KEY };
  try {
    const starts: number[] = [];
    let last: Healthy | undefined;
    for (let i = 0; i < runs; i++) {
      if (last) await stopped(last.child, "SIGTERM");
      last = await timeToHealthy(seeded.dataDir, bin, env);
      starts.push(last.ms);
    }
    if (!last) throw new Error("no run");
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    const idleResidentMb = await residentMb(last.child);
    await askRound(last.url, connector, seeded.managers);
    const figures = {
      cleanStartMs: median(starts),
      idleResidentMb,
      afterQuestionsResidentMb: await residentMb(last.child),
      storeResidentMb: await residentMb(store.child),
    };
    await stopped(last.child, "SIGTERM");
    return figures;
  } finally {
    await stopped(store.child, "SIGTERM");
  }
}

async function measureEcho(runs: number): Promise<EchoFigures> {
  const script = fileURLToPath(new URL("./echo-bot-process.mjs", import.meta.url));
  const starts: number[] = [];
  const resident: number[] = [];
  for (let i = 0; i < runs; i++) {
    const echo = await timeToHealthy("", script);
    starts.push(echo.ms);
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    resident.push(await residentMb(echo.child));
    await stopped(echo.child, "SIGTERM");
  }
  return { startMs: median(starts), idleResidentMb: median(resident) };
}

export async function runStartupBench(o: {
  actions: number;
  runs?: number;
}): Promise<StartupResult> {
  const runs = o.runs ?? 3;
  const connector = await StandInConnector.start();
  const seeded = await populatedDataDir(o.actions, connector);
  // The build's JavaScript, emitted file by file with tsconfig.build.json's options.
  const copy = await compiledCopy("transpile");
  try {
    const typescript = await measure(BIN, runs, seeded, connector);
    const compiled = await measure(copy.bin, runs, seeded, connector);
    const separateStore = await measureSeparateStore(copy.bin, runs, seeded, connector);
    const echo = await measureEcho(runs);
    return {
      actions: o.actions,
      runs,
      questions: QUESTIONS.length * MANAGERS,
      ...typescript,
      compiled,
      separateStore,
      echo,
    };
  } finally {
    await copy.remove();
    await connector.close();
    await rm(seeded.dataDir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const quick = process.argv.includes("--quick");
  console.log(await runStartupBench({ actions: quick ? 1_000 : 10_000, runs: quick ? 1 : 3 }));
}
