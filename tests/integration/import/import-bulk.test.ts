/**
 * A large plan file is written in batches (actions) and bulk requests (their audit entries): what
 * it writes must be exactly what one-by-one writes left, and it must still be there after the
 * embedded store is stopped and started again, or restarted from the files a crash would leave.
 */
import { cp, mkdtemp, rm, writeFile } from "node:fs/promises";
import type { IncomingMessage } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { Action } from "../../../src/domain/action.ts";
import { SAMPLE_PLAN } from "../../../src/domain/plan.ts";
import { importPlanFile } from "../../../src/import/import-plan.ts";
import { silentLogger } from "../../../src/logger.ts";
import { type AuditEntry, CLI_ACTOR } from "../../../src/store/audit-log.ts";
import { startEmbeddedCosmos } from "../../../src/store/embedded/index.ts";
import { connectStore, type Store } from "../../../src/store/store.ts";

const HEADER =
  "Ref,Priority,Section,Delivery Area,Development Action,Expected Outcome,Lead,Completion Date,RAG,Action We Will Take,How Will We Know,Progress Update";

/** A plan file of `rows` actions IMP-001…, Amber unless `rag` says otherwise. */
async function planFile(dir: string, name: string, rows: number, rag = (_n: number) => "Amber") {
  const lines = [HEADER];
  for (let n = 1; n <= rows; n++) {
    const ref = `IMP-${String(n).padStart(3, "0")}`;
    lines.push(
      `${ref},${(n % 5) + 1},Children looked after,Quality of practice,Embed the practice standards in team ${n},Plans reviewed on time,HoS / Service Manager,30/11/2026,${rag(n)},Monthly audits,Audit grades,`,
    );
  }
  const path = join(dir, name);
  await writeFile(path, `${lines.join("\n")}\n`);
  return path;
}

/** Requests that change something: everything but reads, queries and query plans. */
const isWrite = (req: IncomingMessage) =>
  req.method !== "GET" &&
  !req.headers["x-ms-documentdb-isquery"] &&
  !req.headers["x-ms-cosmos-is-query-plan-request"];

const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

async function tempDir() {
  const dir = await mkdtemp(join(tmpdir(), "plan-tracker-import-bulk-"));
  cleanup.push(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

/** The embedded store on `dataDir` and the product's store over it, counting requests. */
async function open(dataDir: string) {
  const counted = { requests: 0, writes: 0 };
  const embedded = await startEmbeddedCosmos({
    dataDir,
    port: 0,
    onRequest: (req) => {
      counted.requests++;
      if (isWrite(req)) counted.writes++;
    },
  });
  const store = await connectStore({
    target: { endpoint: embedded.endpoint, key: embedded.key, selfSigned: true },
    databaseId: "plan-tracker",
    clock: { now: () => new Date() },
    logger: silentLogger,
  });
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await store.close();
    await embedded.stop();
  };
  cleanup.push(close);
  const counting = async <T>(work: () => Promise<T>) => {
    counted.requests = 0;
    counted.writes = 0;
    const result = await work();
    return { result, ...counted };
  };
  return { store, close, counting };
}

async function auditEntries(store: Store): Promise<AuditEntry[]> {
  const { resources } = await store.containers.audit.items
    .query<AuditEntry>(
      // The actions' entries; each import run's own start and finish entries are left out.
      "SELECT c.id, c.entity, c.at, c.actor, c.operation, c.summary, c.before, c.after, c.importRun FROM c WHERE STARTSWITH(c.entity, 'action:')",
    )
    .fetchAll();
  return resources.sort((a, b) => a.entity.localeCompare(b.entity) || a.at.localeCompare(b.at));
}

const byRef = (actions: Action[]) => [...actions].sort((a, b) => a.ref.localeCompare(b.ref));

describe("importing a large plan file", () => {
  it("writes 250 actions with a handful of requests, each with its audit entry, and keeps them across restarts", async () => {
    const dir = await tempDir();
    const dataDir = join(dir, "data");
    const file = await planFile(dir, "plan.csv", 250);
    const first = await open(dataDir);

    const { result: report, requests } = await first.counting(() =>
      importPlanFile(first.store, SAMPLE_PLAN, file, { dryRun: false, actor: CLI_ACTOR }),
    );

    expect(report.created).toHaveLength(250);
    expect(report).toMatchObject({ updated: [], unchanged: [], rejected: [], dryRun: false });
    // One by one this took 502 requests (an upsert and an audit entry each, and the read).
    expect(requests).toBeLessThan(20);
    const actions = byRef(await first.store.actions.list(SAMPLE_PLAN.id));
    expect(actions.map((a) => a.ref)).toEqual(report.created);
    const audit = await auditEntries(first.store);
    expect(audit).toHaveLength(250);
    audit.forEach((entry, index) => {
      const action = actions[index] as Action;
      expect(entry).toMatchObject({
        entity: `action:${action.ref}`,
        actor: CLI_ACTOR,
        operation: "create",
        summary: `Action ${action.ref} added`,
        before: null,
        after: action,
      });
    });

    // The files as a crash right now would leave them: every acknowledged write is in them.
    const crashed = join(dir, "crashed");
    await cp(dataDir, crashed, { recursive: true });
    await first.close();

    for (const folder of [dataDir, crashed]) {
      const again = await open(folder);
      expect(byRef(await again.store.actions.list(SAMPLE_PLAN.id))).toEqual(actions);
      expect(await auditEntries(again.store)).toEqual(audit);
      expect(await again.store.audit.history("action:IMP-042")).toEqual([
        audit.find((entry) => entry.entity === "action:IMP-042"),
      ]);
      await again.close();
    }
  });

  it("writes nothing for an unchanged file, and only the changed actions, audited before → after, for a changed one", async () => {
    const dir = await tempDir();
    const { store, counting } = await open(join(dir, "data"));
    const import_ = (path: string) =>
      counting(() => importPlanFile(store, SAMPLE_PLAN, path, { dryRun: false, actor: CLI_ACTOR }));
    await import_(await planFile(dir, "plan.csv", 120));
    const auditBefore = await auditEntries(store);

    const same = await import_(join(dir, "plan.csv"));
    expect(same.result).toMatchObject({ created: [], updated: [], rejected: [] });
    expect(same.result.unchanged).toHaveLength(120);
    expect(same.writes).toBe(0);
    expect(await auditEntries(store)).toEqual(auditBefore);

    // Rows 1-5 turn Red, and a new row 121 appears.
    const changed = await import_(
      await planFile(dir, "changed.csv", 121, (n) => (n <= 5 ? "Red" : "Amber")),
    );
    expect(changed.result.created).toEqual(["IMP-121"]);
    expect(changed.result.updated).toEqual(["IMP-001", "IMP-002", "IMP-003", "IMP-004", "IMP-005"]);
    expect(changed.result.unchanged).toHaveLength(115);
    const history = await store.audit.history("action:IMP-003");
    expect(history).toHaveLength(2);
    expect(history[1]).toMatchObject({
      operation: "replace",
      actor: CLI_ACTOR,
      summary: "IMP-003: RAG Amber → Red",
      before: { ref: "IMP-003", rag: "Amber" },
      after: { ref: "IMP-003", rag: "Red" },
    });
    expect(await auditEntries(store)).toHaveLength(120 + 6);
  });
});
