/** Starts `store-process.ts` in a child process and follows what it acknowledges. */
import { type ChildProcess, spawn } from "node:child_process";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";

const script = fileURLToPath(new URL("./store-process.ts", import.meta.url));
const repoRoot = fileURLToPath(new URL("../../../", import.meta.url));

export interface StoreProcess {
  child: ChildProcess;
  /** Ids whose write the store acknowledged, in order. */
  acked: string[];
  /** The store's endpoint, once it listens. */
  ready: Promise<string>;
  /** Resolves once at least `count` writes are acknowledged (or the process has ended). */
  untilAcked(count: number): Promise<void>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>;
}

const started = new Set<ChildProcess>();

/** Kills any store process a failed test left running. */
export function killLeftoverStoreProcesses(): void {
  for (const child of started) {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  }
  started.clear();
}

export function spawnStoreProcess(dataDir: string, count: number, crashAt = ""): StoreProcess {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", script, dataDir, String(count), crashAt],
    {
      cwd: repoRoot,
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  started.add(child);
  const acked: string[] = [];
  const watchers: Array<() => void> = [];
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const exited = new Promise<{
    code: number | null;
    signal: NodeJS.Signals | null;
    stderr: string;
  }>((resolve) => {
    child.on("exit", (code, signal) => {
      for (const notify of watchers.splice(0)) notify();
      resolve({ code, signal, stderr });
    });
  });
  let announce: (endpoint: string) => void = () => {};
  const ready = new Promise<string>((resolve, reject) => {
    announce = resolve;
    exited.then(({ stderr: text }) => reject(new Error(`store process ended early: ${text}`)));
  });
  createInterface({ input: child.stdout as NodeJS.ReadableStream }).on("line", (line) => {
    if (line.startsWith("ready ")) announce(line.slice("ready ".length));
    if (line.startsWith("acked ")) acked.push(line.slice("acked ".length));
    for (const notify of watchers.splice(0)) notify();
  });
  const untilAcked = async (target: number) => {
    while (acked.length < target && child.exitCode === null && child.signalCode === null) {
      await new Promise<void>((resolve) => watchers.push(resolve));
    }
  };
  return { child, acked, ready, untilAcked, exited };
}
