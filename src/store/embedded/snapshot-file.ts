/**
 * The snapshot file: a header line naming the journal generation it includes, one line per saved
 * resource, and a trailer with the line count and a checksum of everything before it. It is
 * written to a temporary file, fsynced, renamed over the old one and the folder fsynced, so at any
 * moment the folder holds either the old snapshot or the new one, whole.
 */
import { open, readFile, rename } from "node:fs/promises";
import { join } from "node:path";
import { crc32 } from "node:zlib";
import { asChange, type Change } from "./change.ts";
import {
  FILE_MODE,
  isMissingFile,
  SNAPSHOT_FILE,
  SNAPSHOT_TEMP_FILE,
  syncDirectory,
} from "./files.ts";
import { damagedFileError } from "./store-errors.ts";

const FORMAT = "plan-tracker-embedded-cosmos-snapshot";
const CHUNK_BYTES = 1 << 20;

export interface SnapshotWriteSteps {
  /** Called after the first part of the temporary file is written (a crash here leaves it half). */
  partlyWritten?: () => void;
  /** Called when the temporary file is complete and fsynced, before the rename. */
  written?: () => void;
}

export async function writeSnapshot(
  dataDir: string,
  includesGeneration: number,
  changes: Change[],
  steps: SnapshotWriteSteps = {},
): Promise<void> {
  const tempPath = join(dataDir, SNAPSHOT_TEMP_FILE);
  const handle = await open(tempPath, "w", FILE_MODE);
  try {
    const header = { format: FORMAT, version: 1, includesGeneration, savedAt: new Date() };
    let checksum = 0;
    let pending: string[] = [`${JSON.stringify(header)}\n`];
    let pendingBytes = 0;
    let firstChunk = true;
    const writeOut = async () => {
      const bytes = Buffer.from(pending.join(""), "utf8");
      checksum = crc32(bytes, checksum);
      await handle.write(bytes);
      pending = [];
      pendingBytes = 0;
      if (firstChunk) steps.partlyWritten?.();
      firstChunk = false;
    };
    for (const change of changes) {
      const line = `${JSON.stringify(change)}\n`;
      pending.push(line);
      pendingBytes += line.length;
      if (pendingBytes >= CHUNK_BYTES) await writeOut();
    }
    await writeOut();
    const trailer = { end: FORMAT, lines: changes.length, crc32: checksum };
    await handle.write(`${JSON.stringify(trailer)}\n`);
    await handle.sync();
  } finally {
    await handle.close();
  }
  steps.written?.();
  await rename(tempPath, join(dataDir, SNAPSHOT_FILE));
  await syncDirectory(dataDir);
}

/**
 * Loads the snapshot, if there is one, through `apply`. Returns the journal generation it already
 * includes (0 when there is no snapshot). A damaged snapshot is an error, never skipped.
 */
export async function readSnapshot(
  dataDir: string,
  apply: (change: Change) => void,
): Promise<{ includesGeneration: number; resources: number }> {
  const path = join(dataDir, SNAPSHOT_FILE);
  let buffer: Buffer;
  try {
    buffer = await readFile(path);
  } catch (error) {
    if (isMissingFile(error)) return { includesGeneration: 0, resources: 0 };
    throw error;
  }
  const trailerStart = buffer.lastIndexOf(0x0a, buffer.length - 2) + 1;
  const trailer = parseLine(path, buffer, trailerStart, buffer.length) as {
    end?: string;
    lines?: number;
    crc32?: number;
  };
  if (trailer.end !== FORMAT || crc32(buffer.subarray(0, trailerStart)) !== trailer.crc32) {
    throw damagedFileError(path, trailerStart, "its checksum does not match its contents");
  }
  // Line by line from the bytes, not the whole file as one string split into lines: a large
  // store's snapshot would otherwise be held twice more, as text, while it loads.
  const headerEnd = buffer.indexOf(0x0a);
  let header: { format?: string; includesGeneration?: number };
  try {
    header = JSON.parse(buffer.toString("utf8", 0, headerEnd));
  } catch {
    header = {};
  }
  if (header.format !== FORMAT || typeof header.includesGeneration !== "number") {
    throw damagedFileError(path, 0, "it is not an embedded store snapshot");
  }
  const bodyLines = countLines(buffer, headerEnd + 1, trailerStart);
  if (bodyLines !== trailer.lines) {
    throw damagedFileError(path, trailerStart, "it holds fewer lines than it says");
  }
  let lineNumber = 1;
  for (let start = headerEnd + 1; start < trailerStart; ) {
    const end = buffer.indexOf(0x0a, start);
    lineNumber += 1;
    try {
      apply(asChange(JSON.parse(buffer.toString("utf8", start, end))));
    } catch (error) {
      throw damagedFileError(path, 0, `line ${lineNumber}: ${(error as Error).message}`);
    }
    start = end + 1;
  }
  return { includesGeneration: header.includesGeneration, resources: bodyLines };
}

/** The newline-ended lines between `start` and `end` (which ends one). */
function countLines(buffer: Buffer, start: number, end: number): number {
  let lines = 0;
  for (
    let at = buffer.indexOf(0x0a, start);
    at !== -1 && at < end;
    at = buffer.indexOf(0x0a, at + 1)
  )
    lines += 1;
  return lines;
}

function parseLine(path: string, buffer: Buffer, start: number, end: number): unknown {
  try {
    return JSON.parse(buffer.toString("utf8", start, end));
  } catch {
    throw damagedFileError(path, start, "its last line is not readable");
  }
}
