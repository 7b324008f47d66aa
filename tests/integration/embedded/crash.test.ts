import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { CompactionStep, EmbeddedCosmos } from "../../../src/store/embedded/index.ts";
import { readRunningStore, startEmbeddedCosmos } from "../../../src/store/embedded/index.ts";
import { type ActionDoc, actionsContainer, embeddedClient } from "./cosmos-client.ts";
import { removeDir, tempDataDir } from "./store-files.ts";
import { spawnStoreProcess } from "./store-process-runner.ts";

const running: EmbeddedCosmos[] = [];
const dirs: string[] = [];

afterEach(async () => {
  for (const store of running.splice(0)) await store.stop();
  for (const dir of dirs.splice(0)) await removeDir(dir);
});

async function idsAfterRestart(dataDir: string, log: string[] = []): Promise<Set<string>> {
  const store = await startEmbeddedCosmos({ dataDir, port: 0, log: (line) => log.push(line) });
  running.push(store);
  const container = await actionsContainer(embeddedClient(store.endpoint, store.key));
  const { resources } = await container.items.readAll<ActionDoc>().fetchAll();
  return new Set(resources.map((doc) => doc.id));
}

describe("the embedded store after its process is killed", () => {
  it("has every acknowledged write after kill -9 in the middle of writing", async () => {
    const dataDir = await tempDataDir();
    dirs.push(dataDir);
    const writer = spawnStoreProcess(dataDir, 5_000);
    await writer.untilAcked(150);
    writer.child.kill("SIGKILL");
    const { signal } = await writer.exited;
    expect(signal).toBe("SIGKILL");
    const acknowledged = [...writer.acked];
    expect(acknowledged.length).toBeGreaterThanOrEqual(150);
    expect(acknowledged.length).toBeLessThan(5_000);

    const ids = await idsAfterRestart(dataDir);
    expect(acknowledged.filter((id) => !ids.has(id))).toEqual([]);
  });

  const steps: CompactionStep[] = [
    "journal-rotated",
    "snapshot-partly-written",
    "snapshot-written",
    "snapshot-renamed",
    "old-journals-removed",
  ];
  it.each(steps)("loads everything acknowledged when killed at compaction step %s", async (step) => {
    const dataDir = await tempDataDir();
    dirs.push(dataDir);
    const writer = spawnStoreProcess(dataDir, 400, step);
    const { signal } = await writer.exited;
    expect(signal).toBe("SIGKILL");
    expect(writer.acked.length).toBeGreaterThan(0);

    const ids = await idsAfterRestart(dataDir);
    expect(writer.acked.filter((id) => !ids.has(id))).toEqual([]);
  });
});

describe("one store per data folder", () => {
  it("lets a command find the running serve's store, and refuses to open the folder twice", async () => {
    const dataDir = await tempDataDir();
    dirs.push(dataDir);
    const serve = spawnStoreProcess(dataDir, 3);
    const endpoint = await serve.ready;
    await serve.untilAcked(3);
    try {
      const found = await readRunningStore(dataDir);
      expect(found).toMatchObject({ endpoint, pid: serve.child.pid });
      const client = embeddedClient(found?.endpoint ?? "", found?.key ?? "");
      const { resources } = await (await actionsContainer(client)).items.readAll().fetchAll();
      expect(resources).toHaveLength(3);

      await expect(startEmbeddedCosmos({ dataDir, port: 0 })).rejects.toThrow(
        `The store in ${dataDir} is in use by process ${serve.child.pid} (plan-tracker serve). Stop it, or run the command while it runs: it will use that store.`,
      );
    } finally {
      serve.child.kill("SIGKILL");
      await serve.exited;
    }
  });

  it("takes over the lock of a process that is no longer running", async () => {
    const dataDir = await tempDataDir();
    dirs.push(dataDir);
    const serve = spawnStoreProcess(dataDir, 2);
    await serve.untilAcked(2);
    serve.child.kill("SIGKILL");
    await serve.exited;
    expect(await readRunningStore(dataDir)).toBeNull();

    const ids = await idsAfterRestart(dataDir);
    expect(ids.size).toBe(2);
    const lock = JSON.parse(await readFile(join(dataDir, "store.lock"), "utf8"));
    expect(lock.pid).toBe(process.pid);
    expect(await readRunningStore(dataDir)).toMatchObject({ endpoint: running[0]?.endpoint });
    await running.splice(0)[0]?.stop();
    expect(await readRunningStore(dataDir)).toBeNull();
  });
});
