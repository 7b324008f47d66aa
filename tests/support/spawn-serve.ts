import { type ChildProcess, spawn } from "node:child_process";
import { collectOutput } from "./child-output.ts";

const BIN = new URL("../../bin/plan-tracker.js", import.meta.url).pathname;

export interface ServeProcess {
  child: ChildProcess;
  port: number;
  output(): string;
  /** SIGKILL: no clean shutdown, as in a crash or an OOM kill. */
  kill9(): Promise<void>;
  stop(): Promise<void>;
}

/** Starts `plan-tracker serve` in its own process and waits until it says where it listens. */
export async function spawnServe(
  env: Record<string, string>,
  /** Another copy's bin/plan-tracker.js, such as a compiled one. */
  o: { bin?: string } = {},
): Promise<ServeProcess> {
  const child = spawn(process.execPath, [o.bin ?? BIN, "serve"], {
    env: {
      PATH: process.env.PATH ?? "",
      LOG_LEVEL: "warn",
      PORT: "0",
      EMBEDDED_COSMOS_PORT: "0",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const output = collectOutput(child);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve did not start:\n${output()}`)), 30_000);
    const check = () => {
      const m = /listening on http:\/\/localhost:(\d+)/.exec(output());
      if (m) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    };
    child.stderr?.on("data", check);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`serve exited with ${code}:\n${output()}`));
    });
  });
  return {
    child,
    port,
    output,
    async kill9() {
      child.kill("SIGKILL");
      await exited;
    },
    async stop() {
      child.kill("SIGTERM");
      await exited;
    },
  };
}
