/**
 * Replays one journal file into the store. A half-written last record (the process stopped in the
 * middle of a write, before the write was acknowledged) is dropped and the file cut back to the
 * last good record. Damage anywhere else would lose acknowledged changes, so it is an error that
 * names the file and the byte.
 */
import { open, readFile } from "node:fs/promises";
import { asChange, type Change } from "./change.ts";
import { decodeRecordAt, hasIntactRecordAfter } from "./record-format.ts";
import { damagedFileError } from "./store-errors.ts";

export interface JournalReplay {
  records: number;
  changes: number;
}

export async function replayJournalFile(
  path: string,
  isNewest: boolean,
  apply: (change: Change) => void,
  log: (message: string) => void,
): Promise<JournalReplay> {
  const buffer = await readFile(path);
  const replayed: JournalReplay = { records: 0, changes: 0 };
  let offset = 0;
  while (offset < buffer.length) {
    const decoded = decodeRecordAt(buffer, offset);
    if (!decoded.ok) {
      if (!isNewest || hasIntactRecordAfter(buffer, offset)) {
        throw damagedFileError(path, offset, decoded.reason);
      }
      await truncate(path, offset);
      log(
        `The store stopped in the middle of saving; dropped the unfinished last record of ${path} (byte ${offset} onwards). Every acknowledged change is kept.`,
      );
      break;
    }
    try {
      const changes = parseRecord(decoded.payload);
      for (const change of changes) apply(change);
      replayed.changes += changes.length;
    } catch (error) {
      throw damagedFileError(path, offset, (error as Error).message);
    }
    replayed.records += 1;
    offset = decoded.end;
  }
  return replayed;
}

function parseRecord(payload: string): Change[] {
  const record = JSON.parse(payload) as { c?: unknown };
  if (!Array.isArray(record.c)) throw new Error("a record has no list of changes");
  return record.c.map(asChange);
}

async function truncate(path: string, length: number): Promise<void> {
  const handle = await open(path, "r+");
  try {
    await handle.truncate(length);
    await handle.sync();
  } finally {
    await handle.close();
  }
}
