/** Helpers for tests that look at or damage the store's files and read back everything in it. */
import { cp, mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { CosmosClient } from "@azure/cosmos";

export async function tempDataDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), "plan-tracker-store-"));
}

export async function removeDir(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
}

/**
 * The folder exactly as a crash at this moment would leave it: every acknowledged write has been
 * fsynced, so a copy of the files now is what a restarted process would find.
 */
export async function copyAsIfCrashed(dataDir: string): Promise<string> {
  const copy = await tempDataDir();
  await cp(dataDir, copy, { recursive: true });
  return copy;
}

export async function journalFiles(dataDir: string): Promise<string[]> {
  return (await readdir(dataDir)).filter((name) => name.startsWith("journal-")).sort();
}

/** Every database, container and document, with their system properties, in store order. */
export async function everything(client: CosmosClient): Promise<unknown[]> {
  const result: unknown[] = [];
  const { resources: databases } = await client.databases.readAll().fetchAll();
  for (const database of databases) {
    result.push(database);
    const db = client.database(database.id);
    const { resources: containers } = await db.containers.readAll().fetchAll();
    for (const container of containers) {
      const { resources: items } = await db.container(container.id).items.readAll().fetchAll();
      result.push(container, items);
    }
  }
  return result;
}
