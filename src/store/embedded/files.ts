/**
 * The files of an embedded store's data folder, and the fsync of the folder itself that makes a
 * newly created or renamed file survive a power cut.
 */
import { chmod, mkdir, open, readdir } from "node:fs/promises";
import { join } from "node:path";

export const SNAPSHOT_FILE = "snapshot.jsonl";
export const SNAPSHOT_TEMP_FILE = "snapshot.jsonl.tmp";
export const LOCK_FILE = "store.lock";

/** The store holds personal data: only the account that runs Plan Tracker may read it, whatever the umask. */
export const FILE_MODE = 0o600;
export const FOLDER_MODE = 0o700;

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

/**
 * Creates the data folder private, and makes an existing one private with everything in it, so an
 * install upgraded from a version that wrote world-readable files is tightened at its next start.
 */
export async function preparePrivateFolder(dataDir: string): Promise<void> {
  await mkdir(dataDir, { recursive: true, mode: FOLDER_MODE });
  await chmod(dataDir, FOLDER_MODE);
  for (const entry of await readdir(dataDir, { recursive: true, withFileTypes: true })) {
    if (entry.isSymbolicLink()) continue; // chmod would follow it out of the folder
    const path = join(entry.parentPath, entry.name);
    await chmod(path, entry.isDirectory() ? FOLDER_MODE : FILE_MODE).catch((error: unknown) => {
      // A temp file removed by a process finishing its stop is no longer there to tighten.
      if (!isMissingFile(error)) throw error;
    });
  }
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
