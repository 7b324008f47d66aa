/**
 * The most honest version of "a crash between an action write and its audit entry": the import
 * command runs in its own process with the embedded store inside it, and is killed with SIGKILL
 * part-way through a large file. Running the same import again must finish the plan and leave
 * every action with exactly one audit entry, recording late the ones the killed run never wrote.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.ts";
import { DEFAULT_PLAN_ID } from "../../src/domain/plan.ts";
import { silentLogger } from "../../src/logger.ts";
import type { AuditEntry } from "../../src/store/audit-log.ts";
import { openStore } from "../../src/store/open-store.ts";
import { runCli } from "../support/run-cli.ts";
import type { FaultRecord } from "./support/fault-record.ts";

const ROWS = 20_000;
const BIN = new URL("../../bin/plan-tracker.js", import.meta.url).pathname;
const HEADER =
  "Ref,Priority,Section,Delivery Area,Development Action,Expected Outcome,Lead,Completion Date,RAG,Action We Will Take,How Will We Know,Progress Update";

const dir = mkdtempSync(join(tmpdir(), "plan-tracker-import-kill-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Bytes the embedded store has journalled so far: grows as the import's writes are acknowledged. */
function journalBytes(dataDir: string): number {
  let total = 0;
  for (const name of safeList(dataDir))
    if (name.startsWith("journal-")) total += statSync(join(dataDir, name)).size;
  return total;
}
const safeList = (folder: string): string[] => {
  try {
    return readdirSync(folder);
  } catch {
    return [];
  }
};

/** Runs the import in its own process and kills it with SIGKILL once `killAt` bytes are journalled. */
async function importKilledPartWay(file: string, dataDir: string, killAt: number) {
  const child = spawn(process.execPath, [BIN, "import", file], {
    env: { PATH: process.env.PATH ?? "", LOG_LEVEL: "warn", DATA_DIR: dataDir },
    stdio: "ignore",
  });
  const exited = new Promise<NodeJS.Signals | null>((resolve) =>
    child.once("exit", (_code, signal) => resolve(signal)),
  );
  // Watching the files, not a clock: the kill lands while the import is writing, however fast.
  while (child.exitCode === null && journalBytes(dataDir) < killAt)
    await new Promise((resolve) => setTimeout(resolve, 10));
  child.kill("SIGKILL");
  return exited;
}

/** Each stored action and how many audit entries it has. */
async function auditedActions(dataDir: string) {
  const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: "silent" });
  const store = await openStore({
    config,
    clock: { now: () => new Date() },
    logger: silentLogger,
    role: "cli",
  });
  try {
    const actions = await store.actions.list(DEFAULT_PLAN_ID);
    const { resources } = await store.containers.audit.items
      .query<Pick<AuditEntry, "entity">>(
        "SELECT c.entity FROM c WHERE STARTSWITH(c.entity, 'action:')",
      )
      .fetchAll();
    const counts = new Map<string, number>();
    for (const { entity } of resources) counts.set(entity, (counts.get(entity) ?? 0) + 1);
    return {
      actions: actions.length,
      withoutEntry: actions.filter((a) => !counts.has(`action:${a.ref}`)).length,
      notOnce: actions.filter((a) => counts.get(`action:${a.ref}`) !== 1).length,
    };
  } finally {
    await store.close();
  }
}

describe("an import killed with SIGKILL part-way through", () => {
  it("is finished by running it again, with every action's audit entry recorded once", async (ctx) => {
    const file = join(dir, "plan.csv");
    const lines = [HEADER];
    for (let n = 1; n <= ROWS; n++) {
      lines.push(
        `K-${String(n).padStart(5, "0")},2,Children looked after,Practice,Embed the standards in team ${n},Plans on time,IRO,30/11/2026,Amber,Audits,Grades,`,
      );
    }
    writeFileSync(file, `${lines.join("\n")}\n`);
    const dataDir = join(dir, "data");

    // An action and its entry together journal about 1.5 KB: this is a few thousand rows in.
    const signal = await importKilledPartWay(file, dataDir, 6_000_000);

    expect(signal).toBe("SIGKILL");
    const killed = await auditedActions(dataDir);
    expect(killed.actions).toBeGreaterThan(0);
    expect(killed.actions).toBeLessThan(ROWS);

    const again = await runCli(["import", file], { DATA_DIR: dataDir });

    expect(again.stderr).toBe("");
    expect(again.code).toBe(0);
    expect(again.stdout).toContain(
      `${ROWS - killed.actions} created, 0 updated, ${killed.actions} unchanged, 0 rejected`,
    );
    if (killed.withoutEntry > 0)
      expect(again.stdout).toContain(`Recorded ${killed.withoutEntry} missing audit entr`);
    const after = await auditedActions(dataDir);
    expect(after).toEqual({ actions: ROWS, withoutEntry: 0, notOnce: 0 });
    const fault: FaultRecord = {
      messages: ROWS,
      duplicates: 0,
      lost: after.withoutEntry,
      note: `killed after ${killed.actions} actions were stored, ${killed.withoutEntry} of them without their audit entry; the second run recorded those`,
    };
    ctx.task.meta.fault = fault;
  });
});
