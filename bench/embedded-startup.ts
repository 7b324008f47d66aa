/**
 * How long the embedded store takes to start with a realistic amount of data (10,000 actions and
 * 10,000 audit entries), from a clean stop (snapshot only) and after a crash (snapshot plus
 * journal, or a journal alone), and how 1,000 concurrent upserts compare with and without
 * persistence. Run: `npx tsx bench/embedded-startup.ts`.
 */
import { cp, mkdtemp, rm } from "node:fs/promises";
import { Agent } from "node:https";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { type Container, CosmosClient, type OperationInput } from "@azure/cosmos";
import cosmosServer from "@vercel/cosmosdb-server";
import { startEmbeddedCosmos } from "../src/store/embedded/index.ts";

const ACTIONS = 10_000;
const AUDIT_ENTRIES = 10_000;
const BATCH = 100;

export interface EmbeddedStartupResult {
  startAfterCleanStopMs: number;
  startAfterCrashMs: number;
  startFromJournalOnlyMs: number;
  upserts1000PersistentMs: number;
  upserts1000InMemoryMs: number;
}

function client(endpoint: string, key: string): CosmosClient {
  return new CosmosClient({
    endpoint,
    key,
    agent: new Agent({ rejectUnauthorized: false, keepAlive: true }),
    connectionPolicy: { enableEndpointDiscovery: false },
  });
}

async function containers(cosmos: CosmosClient): Promise<{ actions: Container; audit: Container }> {
  const { database } = await cosmos.databases.createIfNotExists({ id: "plan-tracker" });
  const actions = await database.containers.createIfNotExists({
    id: "actions",
    partitionKey: { paths: ["/planId"] },
  });
  const audit = await database.containers.createIfNotExists({
    id: "audit",
    partitionKey: { paths: ["/day"] },
  });
  return { actions: actions.container, audit: audit.container };
}

const actionDoc = (n: number) => ({
  id: `CSC-${n}`,
  planId: "csc-2026",
  ref: `CSC-${n}`,
  section: "Children in need and child protection",
  deliveryArea: "Quality of practice in assessments and plans",
  developmentAction:
    "Embed the practice standards through monthly audits and feedback to teams. ".repeat(4),
  expectedOutcome: "Children's plans are specific, measurable and reviewed on time.",
  lead: "HoS / Service Manager",
  completionDate: "2026-09-30",
  rag: ["Red", "Amber", "Green"][n % 3],
  updates: [
    {
      quarter: "2026-Q1",
      text: "Audit programme started; first findings shared.",
      by: "lead@council.gov.uk",
    },
  ],
});

const auditDoc = (n: number) => ({
  id: `audit-${n}`,
  day: `2026-06-${String((n % 28) + 1).padStart(2, "0")}`,
  at: new Date(Date.UTC(2026, 5, 1, 0, 0, n)).toISOString(),
  who: "manager@council.gov.uk",
  what: "update.recorded",
  ref: `CSC-${n % ACTIONS}`,
});

async function fill(
  container: Container,
  count: number,
  doc: (n: number) => Record<string, unknown>,
  key: string,
) {
  const byPartition = new Map<string, OperationInput[]>();
  for (let n = 0; n < count; n += 1) {
    const body = doc(n);
    const partition = String(body[key]);
    const ops = byPartition.get(partition) ?? [];
    ops.push({ operationType: "Create", resourceBody: body as never });
    byPartition.set(partition, ops);
  }
  for (const [partition, ops] of byPartition) {
    for (let i = 0; i < ops.length; i += BATCH) {
      await container.items.batch(ops.slice(i, i + BATCH), partition);
    }
  }
}

async function timedStart(dataDir: string): Promise<number> {
  const started = performance.now();
  const store = await startEmbeddedCosmos({ dataDir, port: 0 });
  const elapsed = performance.now() - started;
  const { actions } = await containers(client(store.endpoint, store.key));
  const { resources } = await actions.items
    .query<number>("SELECT VALUE COUNT(1) FROM c")
    .fetchAll();
  if (resources[0] !== ACTIONS)
    throw new Error(`expected ${ACTIONS} actions, found ${resources[0]}`);
  await store.stop();
  return Math.round(elapsed);
}

async function populated(compactAfterChanges: number) {
  const dataDir = await mkdtemp(join(tmpdir(), "plan-tracker-bench-"));
  const store = await startEmbeddedCosmos({ dataDir, port: 0, compactAfterChanges });
  const { actions, audit } = await containers(client(store.endpoint, store.key));
  await fill(actions, ACTIONS, actionDoc, "planId");
  await fill(audit, AUDIT_ENTRIES, auditDoc, "day");
  // A copy taken while the store runs is what a crash now would leave behind.
  const crashed = await mkdtemp(join(tmpdir(), "plan-tracker-bench-"));
  await cp(dataDir, crashed, { recursive: true });
  return { dataDir, crashed, store };
}

async function concurrentUpserts(endpoint: string, key: string): Promise<number> {
  const { actions } = await containers(client(endpoint, key));
  const round = () =>
    Promise.all(Array.from({ length: 1_000 }, (_, n) => actions.items.upsert(actionDoc(n))));
  await round(); // warm up connections and code paths
  const times: number[] = [];
  for (let i = 0; i < 3; i += 1) {
    const started = performance.now();
    await round();
    times.push(performance.now() - started);
  }
  return Math.round(times.sort((a, b) => a - b)[1] ?? 0);
}

async function inMemoryUpserts(): Promise<number> {
  const factory = (
    cosmosServer as unknown as { default: (o: object) => import("node:https").Server }
  ).default;
  const server = factory({ keepAlive: true });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as import("node:net").AddressInfo;
  try {
    return await concurrentUpserts(`https://127.0.0.1:${port}/`, "key");
  } finally {
    server.closeAllConnections();
    server.close();
  }
}

export async function runEmbeddedStartupBench(): Promise<EmbeddedStartupResult> {
  const usual = await populated(5_000);
  const upserts1000PersistentMs = await concurrentUpserts(usual.store.endpoint, usual.store.key);
  await usual.store.stop();
  const startAfterCleanStopMs = await timedStart(usual.dataDir);
  const startAfterCrashMs = await timedStart(usual.crashed);

  const journalOnly = await populated(Number.POSITIVE_INFINITY);
  await journalOnly.store.stop();
  const startFromJournalOnlyMs = await timedStart(journalOnly.crashed);

  const upserts1000InMemoryMs = await inMemoryUpserts();
  for (const dir of [usual.dataDir, usual.crashed, journalOnly.dataDir, journalOnly.crashed]) {
    await rm(dir, { recursive: true, force: true });
  }
  return {
    startAfterCleanStopMs,
    startAfterCrashMs,
    startFromJournalOnlyMs,
    upserts1000PersistentMs,
    upserts1000InMemoryMs,
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const result = await runEmbeddedStartupBench();
  console.table({
    "start after clean stop (snapshot)": `${result.startAfterCleanStopMs} ms`,
    "start after crash (snapshot + journal)": `${result.startAfterCrashMs} ms`,
    "start after crash (journal only, 20k changes)": `${result.startFromJournalOnlyMs} ms`,
    "1,000 concurrent upserts, persistent": `${result.upserts1000PersistentMs} ms`,
    "1,000 concurrent upserts, in memory only": `${result.upserts1000InMemoryMs} ms`,
  });
  process.exit(0);
}
