/**
 * A stand-in for the store's answers at the HTTP seam, between the product and a real embedded
 * store in a temp folder: it passes each request on unless the test answers it as Azure Cosmos DB
 * answers a failed one. Used by the import fault tests.
 */
import { readFileSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from "node:http";
import { Agent, createServer, request } from "node:https";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
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
export interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  body: unknown;
}
/**
 * Decides the answer to one request; `pass` hands a (possibly changed) body to the store. `HANG_UP`
 * closes the connection without an answer, as a store that has stopped does.
 */
export type Intercept = (
  call: Call,
  pass: (body: unknown) => Promise<Answer>,
) => Promise<Answer | typeof HANG_UP>;
export const HANG_UP = Symbol("hang up");

const cleanup: (() => Promise<void>)[] = [];
/** Stops what the last test started, newest first: run it after each test. */
export async function cleanUp(): Promise<void> {
  for (const step of cleanup.splice(0).reverse()) await step();
}

/** An HTTPS server on localhost that passes requests to `target` unless `intercept` answers. */
export async function standIn(target: URL, intercept: Intercept): Promise<string> {
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
      if (answer === HANG_UP) {
        req.socket.destroy();
        return;
      }
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

export const isBatch = (call: Call, container: string, atomic: boolean) =>
  call.method === "POST" &&
  call.url.endsWith(`/colls/${container}/docs`) &&
  call.headers["x-ms-cosmos-is-batch-request"] === "true" &&
  call.headers["x-ms-cosmos-batch-atomic"] === String(atomic);

type Operation = { resourceBody?: { id?: string } };
export const refsOf = (call: Call) => (call.body as Operation[]).map((o) => o.resourceBody?.id);

/** Azure Cosmos DB's answer to a transactional batch that failed at `failed`: nothing applied. */
export const failedBatch = (operations: number, failed: number, status: number): Answer => ({
  status: 207,
  headers: { "content-type": "application/json" },
  body: Array.from({ length: operations }, (_, index) => ({
    statusCode: index === failed ? status : 424,
    requestCharge: 0,
  })),
});

const HEADER =
  "Ref,Priority,Section,Delivery Area,Development Action,Expected Outcome,Lead,Completion Date,RAG,Action We Will Take,How Will We Know,Progress Update";

export async function setUp(rows: number) {
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
  return { dir, file, embedded, connect, importWith, direct: () => connect(embedded.endpoint) };
}

/** How many audit entries each action has. */
export async function auditCounts(store: Store): Promise<Map<string, number>> {
  // Each import run's own start and finish entries (entity `import:…`) are not counted.
  const { resources } = await store.containers.audit.items
    .query<Pick<AuditEntry, "entity">>(
      "SELECT c.entity FROM c WHERE STARTSWITH(c.entity, 'action:')",
    )
    .fetchAll();
  const counts = new Map<string, number>();
  for (const { entity } of resources) counts.set(entity, (counts.get(entity) ?? 0) + 1);
  return counts;
}
