/**
 * Rebuilds the store in memory at start-up: the snapshot first, then every newer journal in
 * order, in-process (no HTTP). Leftovers of an interrupted compaction are tidied: a temporary
 * snapshot is removed, and journals the snapshot already includes are deleted.
 */
import { rm } from "node:fs/promises";
import { join } from "node:path";
import { applyChange } from "./apply-change.ts";
import type { Change } from "./change.ts";
import { journalPath, listJournalGenerations, SNAPSHOT_TEMP_FILE } from "./files.ts";
import { replayJournalFile } from "./journal-reader.ts";
import type { CosmosAccount } from "./library.ts";
import { readSnapshot } from "./snapshot-file.ts";

export interface LoadedStore {
  /** The generation the next journal should use. */
  nextGeneration: number;
  /** Records and changes per journal generation not yet folded into the snapshot. */
  journals: Map<number, { records: number; changes: number }>;
}

export async function loadStore(
  dataDir: string,
  account: CosmosAccount,
  log: (message: string) => void,
): Promise<LoadedStore> {
  const apply = (change: Change) => applyChange(account, change);
  await rm(join(dataDir, SNAPSHOT_TEMP_FILE), { force: true });
  const snapshot = await readSnapshot(dataDir, apply);
  const generations = await listJournalGenerations(dataDir);
  const journals = new Map<number, { records: number; changes: number }>();
  const newer = generations.filter((generation) => generation > snapshot.includesGeneration);
  for (const generation of generations) {
    if (generation <= snapshot.includesGeneration) {
      await rm(journalPath(dataDir, generation), { force: true });
    }
  }
  for (const [index, generation] of newer.entries()) {
    const isNewest = index === newer.length - 1;
    const path = journalPath(dataDir, generation);
    journals.set(generation, await replayJournalFile(path, isNewest, apply, log));
  }
  const newest = Math.max(snapshot.includesGeneration, ...generations);
  return { nextGeneration: newest + 1, journals };
}
