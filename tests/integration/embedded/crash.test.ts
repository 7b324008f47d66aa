import { afterEach, describe, expect, it } from "vitest";
import type { CompactionStep, EmbeddedCosmos } from "../../../src/store/embedded/index.ts";
import { startEmbeddedCosmos } from "../../../src/store/embedded/index.ts";
import { type ActionDoc, actionsContainer, embeddedClient } from "./cosmos-client.ts";
import { removeDir, tempDataDir } from "./store-files.ts";
import { killLeftoverStoreProcesses, spawnStoreProcess } from "./store-process-runner.ts";

// Child processes start slowly on a busy machine, so these tests allow two minutes each.
const running: EmbeddedCosmos[] = [];
const dirs: string[] = [];

afterEach(async () => {
  killLeftoverStoreProcesses();
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
  }, 120_000);

  it("loads everything acknowledged when killed at any step of a compaction", async () => {
    const steps: CompactionStep[] = [
      "journal-rotated",
      "snapshot-partly-written",
      "snapshot-written",
      "snapshot-renamed",
      "old-journals-removed",
    ];
    // One process per step, side by side: each compacts after a few writes and kills itself there.
    const crashed = await Promise.all(
      steps.map(async (step) => {
        const dataDir = await tempDataDir();
        dirs.push(dataDir);
        const writer = spawnStoreProcess(dataDir, 400, step);
        const { signal } = await writer.exited;
        return { step, dataDir, signal, acked: writer.acked };
      }),
    );
    const lostByStep: Record<string, string[]> = {};
    for (const { step, dataDir, signal, acked } of crashed) {
      expect(signal, step).toBe("SIGKILL");
      expect(acked.length, step).toBeGreaterThan(0);
      const ids = await idsAfterRestart(dataDir);
      lostByStep[step] = acked.filter((id) => !ids.has(id));
      await running.splice(0)[0]?.stop();
    }
    expect(lostByStep).toEqual(Object.fromEntries(steps.map((step) => [step, []])));
  }, 120_000);
});
