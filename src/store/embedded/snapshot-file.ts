/**
 * The snapshot file: a header line naming the journal generation it includes, one line per saved
 * resource, and a trailer with the line count and a checksum of everything before it. It is
 * written to a temporary file, fsynced, renamed over the old one and the folder fsynced, so at any
 * moment the folder holds either the old snapshot or the new one, whole.
 */
import { type FileHandle, open, rename } from "node:fs/promises";
import { join } from "node:path";
import { crc32 } from "node:zlib";
import { asChange, type Change } from "./change.ts";
import { eachChunk, eachLine } from "./file-chunks.ts";
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
/** The trailer is well under this; a last line longer than it is damage. */
const TRAILER_SEARCH_BYTES = 64 * 1024;

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
 * includes (0 when there is no snapshot). A damaged snapshot is an error, never skipped: the
 * checksum and the line count are checked in a first pass over the file, before anything is
 * applied, and the lines are parsed in a second; both read it a chunk at a time.
 */
export async function readSnapshot(
  dataDir: string,
  apply: (change: Change) => void,
): Promise<{ includesGeneration: number; resources: number }> {
  const path = join(dataDir, SNAPSHOT_FILE);
  let handle: FileHandle;
  try {
    handle = await open(path, "r");
  } catch (error) {
    if (isMissingFile(error)) return { includesGeneration: 0, resources: 0 };
    throw error;
  }
  try {
    const { size } = await handle.stat();
    const { start: trailerStart, bytes: trailerBytes } = await findTrailer(handle, path, size);
    const trailer = parseLine(path, trailerBytes, trailerStart) as {
      end?: string;
      lines?: number;
      crc32?: number;
    };
    let checksum = 0;
    let lines = 0;
    await eachChunk(handle, 0, trailerStart, (bytes) => {
      checksum = crc32(bytes, checksum);
      for (let at = bytes.indexOf(0x0a); at !== -1; at = bytes.indexOf(0x0a, at + 1)) lines += 1;
    });
    if (trailer.end !== FORMAT || checksum !== trailer.crc32) {
      throw damagedFileError(path, trailerStart, "its checksum does not match its contents");
    }
    // The first line is the header; the trailer's count is of the lines between it and the trailer.
    if (lines - 1 !== trailer.lines) {
      throw damagedFileError(path, trailerStart, "it holds fewer lines than it says");
    }
    let includesGeneration: number | null = null;
    let lineNumber = 0;
    await eachLine(handle, 0, trailerStart, (line) => {
      lineNumber += 1;
      if (includesGeneration === null) {
        includesGeneration = headerGeneration(path, line);
        return;
      }
      try {
        apply(asChange(JSON.parse(line.toString("utf8"))));
      } catch (error) {
        throw damagedFileError(path, 0, `line ${lineNumber}: ${(error as Error).message}`);
      }
    });
    if (includesGeneration === null) {
      throw damagedFileError(path, 0, "it is not an embedded store snapshot");
    }
    return { includesGeneration, resources: lines - 1 };
  } finally {
    await handle.close();
  }
}

/** The trailer (the last line): the byte it starts at, and its bytes; the file ends with its newline. */
async function findTrailer(
  handle: FileHandle,
  path: string,
  size: number,
): Promise<{ start: number; bytes: Buffer }> {
  const tailStart = Math.max(0, size - TRAILER_SEARCH_BYTES);
  const tail = await readBytes(handle, tailStart, size);
  const newline = tail.lastIndexOf(0x0a, tail.length - 2);
  if (newline === -1 && tailStart > 0) {
    throw damagedFileError(path, tailStart, "its last line is not readable");
  }
  return { start: tailStart + newline + 1, bytes: tail.subarray(newline + 1) };
}

async function readBytes(handle: FileHandle, start: number, end: number): Promise<Buffer> {
  const parts: Buffer[] = [];
  await eachChunk(handle, start, end, (bytes) => parts.push(Buffer.from(bytes)));
  return Buffer.concat(parts);
}

/** The journal generation the header line names; a line that is not the header is damage. */
function headerGeneration(path: string, line: Buffer): number {
  let header: { format?: string; includesGeneration?: number };
  try {
    header = JSON.parse(line.toString("utf8"));
  } catch {
    header = {};
  }
  if (header.format !== FORMAT || typeof header.includesGeneration !== "number") {
    throw damagedFileError(path, 0, "it is not an embedded store snapshot");
  }
  return header.includesGeneration;
}

function parseLine(path: string, bytes: Buffer, start: number): unknown {
  try {
    return JSON.parse(bytes.toString("utf8"));
  } catch {
    throw damagedFileError(path, start, "its last line is not readable");
  }
}
