import { statSync } from "node:fs";
import { chmod, mkdir, readdir, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { EmbeddedCosmos } from "../../../src/store/embedded/index.ts";
import { startEmbeddedCosmos } from "../../../src/store/embedded/index.ts";
import { action, actionsContainer, embeddedClient } from "./cosmos-client.ts";
import { removeDir, tempDataDir } from "./store-files.ts";

/**
 * The store holds personal data (names, emails, progress notes): only the account that runs Plan
 * Tracker may read it, whatever the umask, and an install upgraded from a world-readable folder
 * is tightened when it starts.
 */
const running: EmbeddedCosmos[] = [];
const dirs: string[] = [];

afterEach(async () => {
  for (const store of running.splice(0)) await store.stop();
  for (const dir of dirs.splice(0)) await removeDir(dir);
});

/** Every file and folder under `dir` (itself included) with its permission bits. */
async function modes(dir: string): Promise<Record<string, number>> {
  const found: Record<string, number> = { ".": (await stat(dir)).mode & 0o777 };
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    const path = join(entry.parentPath, entry.name);
    found[path.slice(dir.length + 1)] = (await stat(path)).mode & 0o777;
  }
  return found;
}

const expectPrivate = (found: Record<string, number>, folders: string[] = ["."]) => {
  const expected = Object.fromEntries(
    Object.keys(found).map((name) => [name, folders.includes(name) ? 0o700 : 0o600]),
  );
  // Compared as octal text so a failure reads "644" rather than 420.
  const octal = (m: Record<string, number>) =>
    Object.fromEntries(Object.entries(m).map(([k, v]) => [k, v.toString(8)]));
  expect(octal(found)).toEqual(octal(expected));
};

describe("the embedded store's files are private to the account that runs it", () => {
  it("creates its folder 0700 and every file 0600: journal, snapshot, lock and compaction temp", async () => {
    const parent = await tempDataDir();
    dirs.push(parent);
    // A folder the store creates itself, not mkdtemp's (which is already 0700).
    const dataDir = join(parent, "data");
    const tempModes: number[] = [];
    const store = await startEmbeddedCosmos({
      dataDir,
      port: 0,
      onCompactionStep: (step) => {
        if (step === "snapshot-written") {
          tempModes.push(statSync(join(dataDir, "snapshot.jsonl.tmp")).mode & 0o777);
        }
      },
    });
    running.push(store);
    const container = await actionsContainer(embeddedClient(store.endpoint, store.key));
    for (let n = 1; n <= 5; n += 1) await container.items.create(action(n));

    const whileRunning = await modes(dataDir);
    expect(Object.keys(whileRunning)).toEqual(
      expect.arrayContaining(["store.lock", "journal-000001.log"]),
    );
    expectPrivate(whileRunning);

    await store.compact();
    await container.items.create(action(6));
    expect(tempModes.map((m) => m.toString(8))).toEqual(["600"]);
    const afterCompaction = await modes(dataDir);
    expect(Object.keys(afterCompaction)).toContain("snapshot.jsonl");
    expectPrivate(afterCompaction);
  });

  it("tightens a folder and files an earlier version left readable by everyone", async () => {
    const dataDir = await tempDataDir();
    dirs.push(dataDir);
    const first = await startEmbeddedCosmos({ dataDir, port: 0 });
    const container = await actionsContainer(embeddedClient(first.endpoint, first.key));
    await container.items.create(action(1));
    await first.compact();
    await container.items.create(action(2));
    await first.stop();
    // As an earlier version (or a copy made with a loose umask) left them.
    await chmod(dataDir, 0o755);
    for (const name of await readdir(dataDir)) await chmod(join(dataDir, name), 0o644);
    await mkdir(join(dataDir, "old-backup"), { mode: 0o755 });
    await writeFile(join(dataDir, "old-backup", "notes.txt"), "x", { mode: 0o644 });
    await chmod(join(dataDir, "old-backup"), 0o755);

    running.push(await startEmbeddedCosmos({ dataDir, port: 0 }));
    expectPrivate(await modes(dataDir), [".", "old-backup"]);
  });
});
