import { type ChildProcess, spawn } from "node:child_process";
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import type { StoreRequestCount } from "./store-requests.ts";

const CHILD = fileURLToPath(new URL("./app-child.ts", import.meta.url));

/** The server (app and embedded store) running in a child process. */
export interface AppProcess {
  child: ChildProcess;
  pid: number;
  port: number;
  url: string;
  storeEndpoint: string;
  /** The requests its store has answered so far. */
  storeRequests(): Promise<StoreRequestCount>;
  /** The server's own view of its memory (collected first when started with --expose-gc). */
  memoryUsage(): Promise<NodeJS.MemoryUsage>;
  /** Resident memory (VmRSS) of the server process, in bytes. */
  residentBytes(): Promise<number>;
  /** SIGKILL: no shutdown code runs, as in a power cut or an OOM kill. */
  kill9(): Promise<void>;
  /** SIGTERM: a clean stop. */
  stop(): Promise<void>;
}

/** Starts the server in its own process on `dataDir` and waits until it serves. */
export async function startAppProcess(o: {
  dataDir: string;
  env?: Record<string, string>;
  clockOffsetMs?: number;
  timeoutMs?: number;
  /** Extra Node options, e.g. `--cpu-prof` or `--expose-gc`. */
  nodeArgs?: string[];
}): Promise<AppProcess> {
  const child = spawn(process.execPath, [...(o.nodeArgs ?? []), "--import", "tsx", CHILD], {
    env: {
      PATH: process.env.PATH ?? "",
      PORT: "0",
      LOG_LEVEL: "silent",
      DATA_DIR: o.dataDir,
      APP_CLOCK_OFFSET_MS: String(o.clockOffsetMs ?? 0),
      ...o.env,
    },
    stdio: ["pipe", "pipe", "pipe"],
  });
  let stderr = "";
  child.stderr?.on("data", (chunk) => {
    stderr = (stderr + String(chunk)).slice(-4000);
  });
  const lines: string[] = [];
  const waiting = new Set<() => void>();
  let buffer = "";
  child.stdout?.on("data", (chunk) => {
    buffer += String(chunk);
    for (let at = buffer.indexOf("\n"); at >= 0; at = buffer.indexOf("\n")) {
      lines.push(buffer.slice(0, at));
      buffer = buffer.slice(at + 1);
    }
    for (const wake of [...waiting]) wake();
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const nextLine = (prefix: string, timeoutMs: number) =>
    new Promise<string>((resolve, reject) => {
      const check = () => {
        const at = lines.findIndex((line) => line.startsWith(prefix));
        if (at < 0) return;
        const [line] = lines.splice(at, 1);
        done();
        resolve((line as string).slice(prefix.length));
      };
      const onExit = () => {
        done();
        reject(new Error(`The server exited (${child.exitCode ?? child.signalCode}):\n${stderr}`));
      };
      const timer = setTimeout(() => {
        done();
        reject(new Error(`No "${prefix.trim()}" from the server in ${timeoutMs} ms:\n${stderr}`));
      }, timeoutMs);
      const done = () => {
        clearTimeout(timer);
        waiting.delete(check);
        child.off("exit", onExit);
      };
      waiting.add(check);
      child.once("exit", onExit);
      check();
    });
  const [port, storeEndpoint] = (await nextLine("READY ", o.timeoutMs ?? 60_000)).split(" ");
  const pid = child.pid as number;
  return {
    child,
    pid,
    port: Number(port),
    url: `http://127.0.0.1:${port}`,
    storeEndpoint: storeEndpoint as string,
    async storeRequests() {
      const answer = nextLine("REQUESTS ", 10_000);
      child.stdin?.write("requests\n");
      return JSON.parse(await answer) as StoreRequestCount;
    },
    async memoryUsage() {
      const answer = nextLine("MEMORY ", 30_000);
      child.stdin?.write("memory\n");
      return JSON.parse(await answer) as NodeJS.MemoryUsage;
    },
    async residentBytes() {
      const status = await readFile(`/proc/${pid}/status`, "utf8");
      const kb = /^VmRSS:\s+(\d+)\s+kB/m.exec(status)?.[1];
      if (!kb) throw new Error(`No VmRSS in /proc/${pid}/status`);
      return Number(kb) * 1024;
    },
    async kill9() {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
      await exited;
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
      await exited;
    },
  };
}
