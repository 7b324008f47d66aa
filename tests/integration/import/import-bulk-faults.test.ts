/**
 * When Azure Cosmos DB does not acknowledge part of a batch or bulk request, an import must neither
 * lose an action nor leave one without its audit entry (nor with two). A stand-in for the store's
 * answers sits at the HTTP seam, between the product and the embedded store, and answers some
 * requests as Azure Cosmos DB answers a failed one.
 */
import { readFileSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from "node:http";
import { Agent, createServer, request } from "node:https";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { SAMPLE_PLAN } from "../../../src/domain/plan.ts";
import { importPlanFile } from "../../../src/import/import-plan.ts";
import { silentLogger } from "../../../src/logger.ts";
import { type AuditEntry, CLI_ACTOR } from "../../../src/store/audit-log.ts";
import { startEmbeddedCosmos } from "../../../src/store/embedded/index.ts";
import { libraryCertificatePaths } from "../../../src/store/embedded/library.ts";
import { connectStore, type Store } from "../../../src/store/store.ts";

interface Call {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: unknown;
}
interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  body: unknown;
}
/** Decides the answer to one request; `pass` hands a (possibly changed) body to the store. */
type Intercept = (call: Call, pass: (body: unknown) => Promise<Answer>) => Promise<Answer>;

const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

/** An HTTPS server on localhost that passes requests to `target` unless `intercept` answers. */
async function standIn(target: URL, intercept: Intercept): Promise<string> {
  const agent = new Agent({ rejectUnauthorized: false, keepAlive: true });
  const pass = (call: Call) => (body: unknown) =>
    new Promise<Answer>((resolve, reject) => {
      const bytes = body === undefined ? Buffer.alloc(0) : Buffer.from(JSON.stringify(body));
      const headers = { ...call.headers, host: target.host, "content-length": bytes.length };
      const req = request(
        target,
        { method: call.method, path: call.url, headers, agent },
        (res: IncomingMessage) => {
          const chunks: Buffer[] = [];
          res.on("data", (chunk: Buffer) => chunks.push(chunk));
          res.on("end", () => {
            const text = Buffer.concat(chunks).toString("utf8");
            resolve({
              status: res.statusCode ?? 500,
              headers: res.headers,
              body: text ? JSON.parse(text) : undefined,
            });
          });
        },
      );
      req.on("error", reject);
      req.end(bytes);
    });
  const { cert, key } = libraryCertificatePaths();
  const server = createServer(
    { cert: readFileSync(cert), key: readFileSync(key) },
    async (req: IncomingMessage, res: ServerResponse) => {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      const text = Buffer.concat(chunks).toString("utf8");
      const call = {
        method: req.method ?? "GET",
        url: req.url ?? "/",
        headers: req.headers,
        body: text ? JSON.parse(text) : undefined,
      };
      const answer = await intercept(call, pass(call));
      const {
        "content-length": _,
        "transfer-encoding": __,
        connection: ___,
        ...headers
      } = answer.headers;
      res.writeHead(answer.status, headers);
      res.end(answer.body === undefined ? undefined : JSON.stringify(answer.body));
    },
  );
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  cleanup.push(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    agent.destroy();
  });
  return `https://127.0.0.1:${(server.address() as AddressInfo).port}/`;
}

const isBatch = (call: Call, container: string, atomic: boolean) =>
  call.method === "POST" &&
  call.url.endsWith(`/colls/${container}/docs`) &&
  call.headers["x-ms-cosmos-is-batch-request"] === "true" &&
  call.headers["x-ms-cosmos-batch-atomic"] === String(atomic);

type Operation = { resourceBody?: { id?: string } };
const refsOf = (call: Call) => (call.body as Operation[]).map((o) => o.resourceBody?.id);

/** Azure Cosmos DB's answer to a transactional batch that failed at `failed`: nothing applied. */
const failedBatch = (operations: number, failed: number, status: number): Answer => ({
  status: 207,
  headers: { "content-type": "application/json" },
  body: Array.from({ length: operations }, (_, index) => ({
    statusCode: index === failed ? status : 424,
    requestCharge: 0,
  })),
});

const HEADER =
  "Ref,Priority,Section,Delivery Area,Development Action,Expected Outcome,Lead,Completion Date,RAG,Action We Will Take,How Will We Know,Progress Update";

async function setUp(rows: number) {
  const dir = await mkdtemp(join(tmpdir(), "plan-tracker-import-faults-"));
  cleanup.push(() => rm(dir, { recursive: true, force: true }));
  const lines = [HEADER];
  for (let n = 1; n <= rows; n++) {
    lines.push(
      `IMP-${String(n).padStart(3, "0")},2,Children looked after,Practice,Embed the standards in team ${n},Plans on time,IRO,30/11/2026,Amber,Audits,Grades,`,
    );
  }
  const file = join(dir, "plan.csv");
  await writeFile(file, `${lines.join("\n")}\n`);
  const embedded = await startEmbeddedCosmos({ dataDir: join(dir, "data"), port: 0 });
  cleanup.push(() => embedded.stop());
  const connect = async (endpoint: string) => {
    const store = await connectStore({
      target: { endpoint, key: embedded.key, selfSigned: true },
      databaseId: "plan-tracker",
      clock: { now: () => new Date() },
      logger: silentLogger,
    });
    cleanup.push(() => store.close());
    return store;
  };
  const importWith = (store: Store) =>
    importPlanFile(store, SAMPLE_PLAN, file, { dryRun: false, actor: CLI_ACTOR });
  return { embedded, connect, importWith, direct: () => connect(embedded.endpoint) };
}

/** How many audit entries each action has. */
async function auditCounts(store: Store): Promise<Map<string, number>> {
  const { resources } = await store.containers.audit.items
    .query<Pick<AuditEntry, "entity">>("SELECT c.entity FROM c")
    .fetchAll();
  const counts = new Map<string, number>();
  for (const { entity } of resources) counts.set(entity, (counts.get(entity) ?? 0) + 1);
  return counts;
}

describe("an import when the store does not acknowledge part of a request", () => {
  it("writes a failed batch's actions one by one and a throttled audit entry again, once each", async () => {
    const { embedded, connect, importWith, direct } = await setUp(150);
    let batchFailed = false;
    let auditThrottled = false;
    const endpoint = await standIn(new URL(embedded.endpoint), async (call, pass) => {
      if (!batchFailed && isBatch(call, "actions", true)) {
        batchFailed = true;
        return failedBatch(refsOf(call).length, 7, 500);
      }
      if (!auditThrottled && isBatch(call, "audit", false)) {
        // Azure Cosmos DB applies the rest of a bulk request and answers 429 for what it throttled.
        auditThrottled = true;
        const operations = call.body as unknown[];
        const answer = await pass(operations.filter((_, index) => index !== 3));
        const results = answer.body as unknown[];
        results.splice(3, 0, { statusCode: 429, requestCharge: 0, retryAfterMilliseconds: 1 });
        return { ...answer, status: 207, body: results };
      }
      return pass(call.body);
    });

    const report = await importWith(await connect(endpoint));

    expect(batchFailed && auditThrottled).toBe(true);
    expect(report.created).toHaveLength(150);
    const store = await direct();
    expect(await store.actions.count(SAMPLE_PLAN.id)).toBe(150);
    const counts = await auditCounts(store);
    expect(counts.size).toBe(150);
    expect([...counts.values()].every((count) => count === 1)).toBe(true);
  });

  it("writes no second audit entry when a batch or bulk request landed but its answer was lost", async () => {
    const { embedded, connect, importWith, direct } = await setUp(150);
    const lost = { batch: false, bulk: false };
    const lostAnswer: Answer = {
      status: 500,
      headers: { "content-type": "application/json" },
      body: { code: "InternalServerError", message: "The connection was reset." },
    };
    const endpoint = await standIn(new URL(embedded.endpoint), async (call, pass) => {
      const answer = await pass(call.body);
      if (!lost.batch && isBatch(call, "actions", true)) {
        lost.batch = true;
        return lostAnswer;
      }
      if (!lost.bulk && isBatch(call, "audit", false)) {
        lost.bulk = true;
        return lostAnswer;
      }
      return answer;
    });

    const report = await importWith(await connect(endpoint));

    expect(lost).toEqual({ batch: true, bulk: true });
    expect(report.created).toHaveLength(150);
    const counts = await auditCounts(await direct());
    expect(counts.size).toBe(150);
    expect([...counts.values()].every((count) => count === 1)).toBe(true);
  });

  it("fails with the store's reason for an action it refuses, and loses nothing", async () => {
    const { embedded, connect, importWith, direct } = await setUp(150);
    const refused = "IMP-042";
    const endpoint = await standIn(new URL(embedded.endpoint), async (call, pass) => {
      if (isBatch(call, "actions", true) && refsOf(call).includes(refused)) {
        return failedBatch(refsOf(call).length, refsOf(call).indexOf(refused), 403);
      }
      const single = call.body as { id?: string } | undefined;
      if (call.url.endsWith("/colls/actions/docs") && single?.id === refused) {
        return {
          status: 403,
          headers: { "content-type": "application/json" },
          body: { code: "Forbidden", message: "The request was refused." },
        };
      }
      return pass(call.body);
    });

    await expect(importWith(await connect(endpoint))).rejects.toMatchObject({ code: 403 });

    const store = await direct();
    expect(await store.actions.get(refused, SAMPLE_PLAN.id)).toBeNull();
    const counts = await auditCounts(store);
    expect(counts.has(`action:${refused}`)).toBe(false);
    expect(
      (await store.actions.list(SAMPLE_PLAN.id)).map((a) => counts.get(`action:${a.ref}`)),
    ).toSatisfy((all: unknown[]) => all.length > 0 && all.every((count) => count === 1));

    // Importing the same file again, once the store accepts it, completes the plan.
    const again = await importWith(store);
    expect(again.created).toContain(refused);
    expect(again.updated).toEqual([]);
    expect(await store.actions.count(SAMPLE_PLAN.id)).toBe(150);
    const after = await auditCounts(store);
    expect(after.size).toBe(150);
    expect([...after.values()].every((count) => count === 1)).toBe(true);
  });
});
