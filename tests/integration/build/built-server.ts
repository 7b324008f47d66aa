import { spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect } from "vitest";
import { exitOf } from "../../support/child-output.ts";
import type { CompiledCopy } from "../../support/compiled-copy.ts";
import { spawnServe } from "../../support/spawn-serve.ts";

/** `plan-tracker --help` from the copy: its exit code and what it printed. */
export function help(copy: CompiledCopy): Promise<{ code: number | null; output: string }> {
  return exitOf(
    spawn(process.execPath, [copy.bin, "--help"], {
      env: { PATH: process.env.PATH ?? "" },
      stdio: ["ignore", "pipe", "pipe"],
    }),
  );
}

/**
 * `serve` from the copy on an empty data folder answers /healthz, serves the tab's page (read
 * from src/tab/public), has loaded the sample plan (read from data/) and writes a Word report: the
 * files the compiled server finds by path, not by import, and a library it imports only when used.
 */
export async function expectServes(copy: CompiledCopy): Promise<void> {
  const dataDir = await mkdtemp(join(tmpdir(), "plan-tracker-built-data-"));
  const server = await spawnServe({ DATA_DIR: dataDir }, { bin: copy.bin });
  try {
    const base = `http://127.0.0.1:${server.port}`;
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    const tab = await fetch(`${base}/tab/`);
    expect(tab.status).toBe(200);
    expect(await tab.text()).toContain("Plan Tracker");
    const plan = (await (await fetch(`${base}/api/plan`)).json()) as { actions: unknown[] };
    expect(plan.actions).toHaveLength(19);
    // The Word writer loads on the first report: the compiled import of it must resolve too.
    const report = await fetch(`${base}/api/report.docx`);
    expect(report.status).toBe(200);
    expect(
      Buffer.from(await report.arrayBuffer())
        .subarray(0, 2)
        .toString(),
    ).toBe("PK");
  } finally {
    await server.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}
