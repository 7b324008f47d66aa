/**
 * Reading a large file a chunk at a time, so loading it never holds the whole file in memory: a
 * 10,000-action store's snapshot is about 18 MB, and as one buffer it stayed in the process's
 * resident memory until a full garbage collection happened to free it.
 */
import type { FileHandle } from "node:fs/promises";

const CHUNK_BYTES = 1 << 20;

/** Calls `onChunk` with each successive piece of the file's bytes [start, end). */
export async function eachChunk(
  handle: FileHandle,
  start: number,
  end: number,
  onChunk: (bytes: Buffer) => void,
  chunkBytes = CHUNK_BYTES,
): Promise<void> {
  const chunk = Buffer.allocUnsafe(Math.min(chunkBytes, Math.max(1, end - start)));
  for (let position = start; position < end; ) {
    const { bytesRead } = await handle.read(
      chunk,
      0,
      Math.min(chunk.length, end - position),
      position,
    );
    if (bytesRead === 0) throw new Error(`the file ended at byte ${position}, before ${end}`);
    onChunk(chunk.subarray(0, bytesRead));
    position += bytesRead;
  }
}

/**
 * Calls `onLine` with each newline-ended line of the file's bytes [start, end), without its
 * newline, and the byte it starts at. Returns the bytes after the last newline (empty when `end`
 * ends a line). A line is only valid during its call: its bytes may be reused afterwards.
 */
export async function eachLine(
  handle: FileHandle,
  start: number,
  end: number,
  onLine: (line: Buffer, offset: number) => void,
  chunkBytes = CHUNK_BYTES,
): Promise<Buffer> {
  // The start of a line that began in an earlier chunk, copied, since the chunk is reused.
  let carried: Buffer[] = [];
  let lineOffset = start;
  let chunkOffset = start;
  await eachChunk(
    handle,
    start,
    end,
    (bytes) => {
      let from = 0;
      for (let newline = bytes.indexOf(0x0a); newline !== -1; newline = bytes.indexOf(0x0a, from)) {
        const tail = bytes.subarray(from, newline);
        onLine(carried.length > 0 ? Buffer.concat([...carried, tail]) : tail, lineOffset);
        carried = [];
        from = newline + 1;
        lineOffset = chunkOffset + from;
      }
      if (from < bytes.length) carried.push(Buffer.from(bytes.subarray(from)));
      chunkOffset += bytes.length;
    },
    chunkBytes,
  );
  return Buffer.concat(carried);
}
