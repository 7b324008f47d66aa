/**
 * The files of an embedded store's data folder, and the fsync of the folder itself that makes a
 * newly created or renamed file survive a power cut.
 */
import { open, readdir } from "node:fs/promises";
import { join } from "node:path";

export const SNAPSHOT_FILE = "snapshot.jsonl";
export const SNAPSHOT_TEMP_FILE = "snapshot.jsonl.tmp";
export const LOCK_FILE = "store.lock";

const JOURNAL_NAME = /^journal-(\d{6,})\.log$/;

/** Journals are numbered by generation; a snapshot says which generation it already includes. */
export const journalFileName = (generation: number): string =>
  `journal-${String(generation).padStart(6, "0")}.log`;

export const journalPath = (dataDir: string, generation: number): string =>
  join(dataDir, journalFileName(generation));

/** The generations of the journals in the folder, oldest first. */
export async function listJournalGenerations(dataDir: string): Promise<number[]> {
  const names = await readdir(dataDir);
  return names
    .map((name) => JOURNAL_NAME.exec(name)?.[1])
    .filter((digits): digits is string => digits !== undefined)
    .map(Number)
    .sort((a, b) => a - b);
}

export async function syncDirectory(dir: string): Promise<void> {
  const handle = await open(dir, "r");
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

export function isMissingFile(error: unknown): boolean {
  return (error as NodeJS.ErrnoException | null)?.code === "ENOENT";
}
