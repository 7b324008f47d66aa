import type { Container } from "@azure/cosmos";
import { afterEach, describe, expect, it } from "vitest";
import type { EmbeddedCosmos } from "../../../src/store/embedded/index.ts";
import { startEmbeddedCosmos } from "../../../src/store/embedded/index.ts";
import { type ActionDoc, action, actionsContainer, embeddedClient } from "./cosmos-client.ts";
import { copyAsIfCrashed, everything, removeDir, tempDataDir } from "./store-files.ts";

const running: EmbeddedCosmos[] = [];
const dirs: string[] = [];

async function start(dataDir: string) {
  const store = await startEmbeddedCosmos({ dataDir, port: 0 });
  running.push(store);
  const client = embeddedClient(store.endpoint, store.key);
  return { store, client, container: await actionsContainer(client) };
}

async function freshDir() {
  const dir = await tempDataDir();
  dirs.push(dir);
  return dir;
}

/** A copy of the folder as a crash now would leave it, removed after the test. */
async function crashCopy(dir: string) {
  const copy = await copyAsIfCrashed(dir);
  dirs.push(copy);
  return copy;
}

afterEach(async () => {
  for (const store of running.splice(0)) await store.stop();
  for (const dir of dirs.splice(0)) await removeDir(dir);
});

const read = async (container: Container, id: string) =>
  (await container.item(id, "csc-2026").read<ActionDoc>()).resource;

describe("the embedded store keeps what was written", () => {
  it("has every action after a clean stop and start, with the same ETags and timestamps", async () => {
    const dir = await freshDir();
    const first = await start(dir);
    for (let n = 1; n <= 19; n += 1) await first.container.items.create(action(n));
    const before = await everything(first.client);
    await first.store.stop();
    running.splice(0);

    const second = await start(dir);
    expect(await everything(second.client)).toEqual(before);
    const { resources } = await second.container.items
      .query<number>("SELECT VALUE COUNT(1) FROM c")
      .fetchAll();
    expect(resources).toEqual([19]);
  });

  it("replays creates, replaces, patches, batches and deletes to the same state after a crash", async () => {
    const dir = await freshDir();
    const live = await start(dir);
    const { container } = live;
    for (let n = 1; n <= 6; n += 1) await container.items.create(action(n));
    await container.item("CSC-01", "csc-2026").replace({ ...action(1), rag: "Green" });
    await container.item("CSC-02", "csc-2026").patch([
      { op: "set", path: "/rag", value: "Red" },
      { op: "add", path: "/revisedDate", value: "2026-09-30" },
    ]);
    await container.items.upsert({ ...action(3), rag: "Green" });
    await container.item("CSC-04", "csc-2026").delete();
    const { result } = await container.items.batch(
      [
        { operationType: "Create", resourceBody: { ...action(7) } },
        { operationType: "Upsert", resourceBody: { ...action(5), rag: "Red" } },
        { operationType: "Delete", id: "CSC-06" },
      ],
      "csc-2026",
    );
    expect(result?.map((operation) => operation.statusCode)).toEqual([201, 200, 204]);
    const expected = await everything(live.client);

    const restarted = await start(await crashCopy(dir));
    expect(await everything(restarted.client)).toEqual(expected);
    expect(await read(restarted.container, "CSC-02")).toMatchObject({
      rag: "Red",
      revisedDate: "2026-09-30",
    });
    expect(await read(restarted.container, "CSC-04")).toBeUndefined();
    expect(await read(restarted.container, "CSC-06")).toBeUndefined();
    expect(await read(restarted.container, "CSC-07")).toMatchObject({ ref: "CSC-07" });
    expect(await read(restarted.container, "CSC-05")).toMatchObject({ rag: "Red" });
  });

  it("still refuses a replace with an out-of-date ETag after a restart, and accepts the current one", async () => {
    const dir = await freshDir();
    const first = await start(dir);
    const { resource: created } = await first.container.items.create(action(1));
    const item = first.container.item("CSC-01", "csc-2026");
    const { resource: updated } = await item.replace({ ...action(1), rag: "Green" });
    const staleEtag = created?._etag ?? "";
    const currentEtag = updated?._etag ?? "";

    const second = await start(await crashCopy(dir));
    const again = second.container.item("CSC-01", "csc-2026");
    const stale = again.replace(
      { ...action(1), rag: "Red" },
      { accessCondition: { type: "IfMatch", condition: staleEtag } },
    );
    await expect(stale).rejects.toMatchObject({ code: 412 });
    const { statusCode } = await again.replace(
      { ...action(1), rag: "Red" },
      { accessCondition: { type: "IfMatch", condition: currentEtag } },
    );
    expect(statusCode).toBe(200);
  });

  it("does not journal a create refused as a duplicate or a replace refused for its ETag", async () => {
    const dir = await freshDir();
    const { store, container } = await start(dir);
    await container.items.create(action(1));
    const changesBefore = store.stats().journalChanges;
    await expect(container.items.create({ ...action(1), rag: "Red" })).rejects.toMatchObject({
      code: 409,
    });
    const wrongEtag = container
      .item("CSC-01", "csc-2026")
      .replace(
        { ...action(1), rag: "Red" },
        { accessCondition: { type: "IfMatch", condition: "not-the-etag" } },
      );
    await expect(wrongEtag).rejects.toMatchObject({ code: 412 });
    expect(store.stats().journalChanges).toBe(changesBefore);

    const restarted = await start(await crashCopy(dir));
    expect(await read(restarted.container, "CSC-01")).toMatchObject({ rag: "Amber" });
  });

  it("keeps writes made after a compaction, and the ids of new documents never collide", async () => {
    const dir = await freshDir();
    const first = await start(dir);
    for (let n = 1; n <= 5; n += 1) await first.container.items.create(action(n));
    await first.store.compact();
    expect(first.store.stats().journalRecords).toBe(0);
    await first.container.items.create(action(6));
    await first.container.item("CSC-02", "csc-2026").delete();

    const second = await start(await crashCopy(dir));
    await second.container.items.create(action(8));
    const { resources } = await second.container.items.readAll<ActionDoc>().fetchAll();
    expect(resources.map((doc) => doc.id).sort()).toEqual([
      "CSC-01",
      "CSC-03",
      "CSC-04",
      "CSC-05",
      "CSC-06",
      "CSC-08",
    ]);
    const rids = resources.map((doc) => (doc as ActionDoc & { _rid: string })._rid);
    expect(new Set(rids).size).toBe(rids.length);
  });
});
