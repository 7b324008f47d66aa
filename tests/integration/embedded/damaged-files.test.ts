import { appendFile, readFile, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { EmbeddedCosmos } from "../../../src/store/embedded/index.ts";
import { startEmbeddedCosmos } from "../../../src/store/embedded/index.ts";
import { type ActionDoc, action, actionsContainer, embeddedClient } from "./cosmos-client.ts";
import { copyAsIfCrashed, journalFiles, removeDir, tempDataDir } from "./store-files.ts";

const running: EmbeddedCosmos[] = [];
const dirs: string[] = [];

afterEach(async () => {
  for (const store of running.splice(0)) await store.stop();
  for (const dir of dirs.splice(0)) await removeDir(dir);
});

/** A folder as a crash after ten acknowledged actions leaves it, and its newest journal. */
async function crashedAfterTenActions(): Promise<{ dataDir: string; journal: string }> {
  const live = await tempDataDir();
  const store = await startEmbeddedCosmos({ dataDir: live, port: 0 });
  const container = await actionsContainer(embeddedClient(store.endpoint, store.key));
  for (let n = 1; n <= 10; n += 1) await container.items.create(action(n));
  const dataDir = await copyAsIfCrashed(live);
  await store.stop();
  dirs.push(live, dataDir);
  const journal = join(dataDir, (await journalFiles(dataDir)).at(-1) ?? "");
  return { dataDir, journal };
}

async function refs(dataDir: string, log: string[]): Promise<string[]> {
  const store = await startEmbeddedCosmos({ dataDir, port: 0, log: (line) => log.push(line) });
  running.push(store);
  const container = await actionsContainer(embeddedClient(store.endpoint, store.key));
  const { resources } = await container.items.readAll<ActionDoc>().fetchAll();
  return resources.map((doc) => doc.ref).sort();
}

const tenRefs = Array.from({ length: 10 }, (_, i) => action(i + 1).ref);

describe("damaged store files", () => {
  it("drops a half-written last record, keeps the good ones and cuts the file back", async () => {
    const { dataDir, journal } = await crashedAfterTenActions();
    const goodSize = (await stat(journal)).size;
    await appendFile(journal, '412:1a2b3c4d:{"s":12,"c":[{"op":"put","kind":"doc","db":"plan');

    const log: string[] = [];
    expect(await refs(dataDir, log)).toEqual(tenRefs);
    expect(log.join("\n")).toMatch(/dropped the unfinished last record of .*journal-\d+\.log/);
    expect((await stat(journal)).size).toBe(goodSize);
  });

  it("drops a last record whose checksum does not match", async () => {
    const { dataDir, journal } = await crashedAfterTenActions();
    const lines = (await readFile(journal, "utf8")).trimEnd().split("\n");
    const last = lines.at(-1) ?? "";
    await appendFile(journal, `${last.replace("CSC-10", "CSC-99")}\n`);

    const log: string[] = [];
    expect(await refs(dataDir, log)).toEqual(tenRefs);
    expect(log.filter((line) => line.includes("dropped the unfinished last record"))).toHaveLength(
      1,
    );
  });

  it("refuses to start on damage before the last record, naming the file and the byte", async () => {
    const { dataDir, journal } = await crashedAfterTenActions();
    const text = await readFile(journal, "utf8");
    const damagedAt = text.indexOf("CSC-03");
    await writeFile(journal, `${text.slice(0, damagedAt)}CSC-3X${text.slice(damagedAt + 6)}`);
    const recordStart = text.lastIndexOf("\n", damagedAt) + 1;

    await expect(startEmbeddedCosmos({ dataDir, port: 0 })).rejects.toThrow(
      `The store file ${journal} is damaged at byte ${recordStart} (the record's checksum does not match).`,
    );
    // The refusal left the files as they were and let go of the folder.
    expect(await readFile(journal, "utf8")).toContain("CSC-3X");
    expect(await refsAfterRepair(dataDir, journal, text)).toEqual(tenRefs);
  });

  it("refuses to start on a damaged snapshot, naming it", async () => {
    const live = await tempDataDir();
    dirs.push(live);
    const store = await startEmbeddedCosmos({ dataDir: live, port: 0 });
    const container = await actionsContainer(embeddedClient(store.endpoint, store.key));
    await container.items.create(action(1));
    await store.stop();
    const snapshot = join(live, "snapshot.jsonl");
    const text = await readFile(snapshot, "utf8");
    await writeFile(snapshot, text.replace("CSC-01", "CSC-0l"));

    await expect(startEmbeddedCosmos({ dataDir: live, port: 0 })).rejects.toThrow(
      `The store file ${snapshot} is damaged`,
    );
  });
});

async function refsAfterRepair(dataDir: string, journal: string, original: string) {
  await writeFile(journal, original);
  return refs(dataDir, []);
}
