import { execFile } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

const BIN = new URL("../../bin/plan-tracker.js", import.meta.url).pathname;

/** Runs the real `plan-tracker` command as a user would, in its own process. */
export function runCli(args: string[], env: Record<string, string>): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [BIN, ...args],
      { env: { PATH: process.env.PATH ?? "", LOG_LEVEL: "warn", ...env }, timeout: 60_000 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === "number" ? error.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

export function tempDataDir(prefix = "plan-tracker-"): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/**
 * Runs the same CLI code in this process (no Node start-up per call), capturing what it prints.
 * The spawned `runCli` covers the real binary; this keeps the many small cases fast.
 */
export async function runCliHere(args: string[], env: Record<string, string>): Promise<CliResult> {
  const { runCli: run } = await import("../../src/cli/run-cli.ts");
  let stdout = "";
  let stderr = "";
  const code = await run(args, {
    env: { LOG_LEVEL: "warn", ...env },
    out: (line) => {
      stdout += `${line}\n`;
    },
    err: (line) => {
      stderr += `${line}\n`;
    },
    write: (text) => {
      stdout += text;
    },
  });
  return { code, stdout, stderr };
}
