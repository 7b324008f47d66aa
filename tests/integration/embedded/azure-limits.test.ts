import type { IncomingMessage } from "node:http";
import { request } from "node:https";
import { afterEach, describe, expect, it } from "vitest";
import { ManualClock } from "../../../src/clock.ts";
import type { Person } from "../../../src/domain/person.ts";
import { silentLogger } from "../../../src/logger.ts";
import { type EmbeddedCosmos, startEmbeddedCosmos } from "../../../src/store/embedded/index.ts";
import { connectStore, type Store } from "../../../src/store/store.ts";
import { actionsContainer, embeddedClient } from "./cosmos-client.ts";
import { removeDir, tempDataDir } from "./store-files.ts";

/**
 * The embedded store answers what Azure Cosmos DB would refuse with Azure's status, through the
 * same SDK the product uses (or, where the SDK itself stops a request first, straight over HTTPS).
 */
const running: EmbeddedCosmos[] = [];
const stores: Store[] = [];
const dirs: string[] = [];

async function start(throttleRate = 0, onRequest?: (req: IncomingMessage) => void) {
  const dataDir = await tempDataDir();
  dirs.push(dataDir);
  const store = await startEmbeddedCosmos({ dataDir, port: 0, throttleRate, onRequest });
  running.push(store);
  return store;
}

afterEach(async () => {
  for (const store of stores.splice(0)) await store.close();
  for (const store of running.splice(0)) await store.stop();
  for (const dir of dirs.splice(0)) await removeDir(dir);
});

/** A raw request to the store, as a client that skipped the SDK's own checks would send it. */
function send(
  store: EmbeddedCosmos,
  path: string,
  headers: Record<string, string>,
  body: unknown,
): Promise<{ status: number; body: { message?: string } }> {
  const payload = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = request(
      new URL(path, store.endpoint),
      {
        method: "POST",
        rejectUnauthorized: false,
        headers: { "content-type": "application/json", ...headers },
      },
      (res) => {
        let text = "";
        res.on("data", (chunk) => {
          text += chunk;
        });
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) }));
      },
    );
    req.on("error", reject);
    req.end(payload);
  });
}

const action = (id: string, planId = "p", extra: Record<string, unknown> = {}) => ({
  id,
  planId,
  ...extra,
});
const upserts = (count: number, planId = "p") =>
  Array.from({ length: count }, (_, i) => ({
    operationType: "Upsert",
    resourceBody: action(`a${i}`, planId),
  }));
const batchHeaders = {
  "x-ms-cosmos-is-batch-request": "true",
  "x-ms-cosmos-batch-atomic": "true",
  "x-ms-documentdb-partitionkey": '["p"]',
};
const DOCS = "/dbs/plan-tracker/colls/actions/docs";

describe("the embedded store refuses what Azure refuses", () => {
  it("refuses a transactional batch over 100 operations, over 2 MB or across partitions, and writes none of it", async () => {
    const store = await start();
    const container = await actionsContainer(embeddedClient(store.endpoint, store.key));

    const tooMany = await send(store, DOCS, batchHeaders, upserts(101));
    expect(tooMany).toMatchObject({
      status: 400,
      body: { message: "Batch request has more operations than what is supported." },
    });
    const big = upserts(60).map((operation) => ({
      ...operation,
      resourceBody: { ...operation.resourceBody, note: "x".repeat(40_000) },
    }));
    expect((await send(store, DOCS, batchHeaders, big)).status).toBe(413);
    const crossing = [...upserts(3), { operationType: "Upsert", resourceBody: action("q1", "q") }];
    expect(await send(store, DOCS, batchHeaders, crossing)).toMatchObject({
      status: 400,
      body: { message: expect.stringContaining("doesn't match the one specified in the header") },
    });
    const bulk = { "x-ms-cosmos-is-batch-request": "true", "x-ms-cosmos-batch-atomic": "false" };
    expect((await send(store, DOCS, bulk, upserts(101))).status).toBe(400);

    const { resources } = await container.items.query("SELECT VALUE COUNT(1) FROM c").fetchAll();
    expect(resources).toEqual([0]);
    // 100 operations in one partition are fine.
    const { result } = await container.items.batch(
      upserts(100) as Parameters<typeof container.items.batch>[0],
      "p",
    );
    expect(
      result?.every((operation) => operation.statusCode === 200 || operation.statusCode === 201),
    ).toBe(true);
  });

  it("refuses an item over 2 MB, a bad id, a point read without its partition key and an unindexed ORDER BY", async () => {
    const store = await start();
    const container = await actionsContainer(embeddedClient(store.endpoint, store.key));
    await expect(
      container.items.upsert(action("big", "p", { note: "x".repeat(2 * 1024 * 1024) })),
    ).rejects.toMatchObject({ code: 413 });
    const badId = [{ operationType: "Upsert", resourceBody: action("CSC/01") }];
    expect(await send(store, DOCS, batchHeaders, badId)).toMatchObject({
      status: 400,
      body: { message: "The resource name presented contains invalid character '/'." },
    });
    await container.items.upsert(action("a1"));
    await expect(container.item("a1", undefined).read()).rejects.toMatchObject({ code: 400 });
    expect((await container.item("a1", "p").read()).resource).toMatchObject({ id: "a1" });
    // actionsContainer declares the composite index (planId, ref), which serves that order only.
    await container.items.query("SELECT * FROM c ORDER BY c.planId, c.ref").fetchAll();
    await expect(
      container.items.query("SELECT * FROM c ORDER BY c.ref, c.planId").fetchAll(),
    ).rejects.toMatchObject({
      code: 400,
      message: expect.stringContaining("does not have a corresponding composite index"),
    });
  });
});

describe("a transactional batch", () => {
  it("is all or nothing: when one operation fails the others are undone, after a restart too", async () => {
    const dataDir = await tempDataDir();
    dirs.push(dataDir);
    let store = await startEmbeddedCosmos({ dataDir, port: 0 });
    running.push(store);
    let container = await actionsContainer(embeddedClient(store.endpoint, store.key));
    await container.items.create(action("a1", "p", { rag: "Red" }));
    const before = (await container.item("a1", "p").read()).resource;

    const response = await container.items.batch(
      [
        { operationType: "Upsert", resourceBody: action("a1", "p", { rag: "Green" }) },
        { operationType: "Create", resourceBody: action("a2") },
        // a1 exists: this create fails with 409, so the batch fails.
        { operationType: "Create", resourceBody: action("a1") },
      ],
      "p",
    );
    expect(response.code).toBe(207);
    expect(response.result?.map((operation) => operation.statusCode)).toEqual([424, 424, 409]);
    const afterwards = async () => {
      const { resources } = await container.items
        .query("SELECT c.id, c.rag, c._etag FROM c")
        .fetchAll();
      return resources;
    };
    expect(await afterwards()).toEqual([{ id: "a1", rag: "Red", _etag: before?._etag }]);

    await store.stop();
    running.splice(running.indexOf(store), 1);
    store = await startEmbeddedCosmos({ dataDir, port: 0 });
    running.push(store);
    container = await actionsContainer(embeddedClient(store.endpoint, store.key));
    expect(await afterwards()).toEqual([{ id: "a1", rag: "Red", _etag: before?._etag }]);
  });
});

describe("a store out of request units", () => {
  const sam: Person = {
    id: "sam.patel@council.gov.uk",
    email: "sam.patel@council.gov.uk",
    name: "Sam Patel",
    roles: ["admin"],
    leads: [],
  };
  const actor = { id: "test", name: "Test" };

  async function open(rate: number, onRequest?: (req: IncomingMessage) => void) {
    const embedded = await start(rate, onRequest);
    const store = await connectStore({
      target: { endpoint: embedded.endpoint, key: embedded.key, selfSigned: true },
      databaseId: "plan-tracker",
      clock: new ManualClock(new Date("2026-12-01T09:00:00Z")),
      logger: silentLogger,
    });
    stores.push(store);
    return store;
  }

  it("is retried by the SDK's policy when throttled now and then, so nobody notices", async () => {
    let throttled = 0;
    const store = await open(0.5, (req) => {
      if (req.url?.includes("/docs")) throttled += 1;
    });
    await store.people.save(sam, actor, null);
    expect((await store.people.get(sam.id))?.doc).toMatchObject({ name: "Sam Patel" });
    // Every other document request was answered 429 and tried again.
    expect(throttled).toBeGreaterThanOrEqual(4);
  });

  it("tells the person the store is busy and to try again when the retries run out", async () => {
    const opened = open(1).then((store) => store.people.save(sam, actor, null));
    await expect(opened).rejects.toMatchObject({
      code: "store_unavailable",
      message: expect.stringContaining("too busy"),
    });
  });
});
