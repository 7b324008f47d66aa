import { mkdtemp, open, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eachLine } from "../../../src/store/embedded/file-chunks.ts";

/**
 * The snapshot is read line by line a chunk at a time: whatever the chunk size, a line that
 * straddles two or more chunks (or is longer than one) comes back whole, at its byte, and what
 * follows the last newline is handed back rather than lost.
 */
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "plan-tracker-chunks-"));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

// Multi-byte characters too: a chunk may end in the middle of one.
const lineText = fc.string({
  unit: fc.constantFrom("a", "é", "—", "{", '"', " ", "😀"),
  maxLength: 40,
});

describe("reading a file line by line in chunks", () => {
  it("gives back every line whole, at its offset, and the unfinished tail", async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(lineText, { maxLength: 12 }),
        lineText,
        fc.integer({ min: 1, max: 64 }),
        async (lines, tail, chunkBytes) => {
          const text = lines.map((line) => `${line}\n`).join("") + tail;
          const path = join(dir, `file-${run++}`);
          await writeFile(path, text);
          const bytes = Buffer.from(text);
          const handle = await open(path, "r");
          const read: { line: string; offset: number }[] = [];
          try {
            const rest = await eachLine(
              handle,
              0,
              bytes.length,
              (line, offset) => read.push({ line: line.toString("utf8"), offset }),
              chunkBytes,
            );
            expect(rest.toString("utf8")).toBe(tail);
          } finally {
            await handle.close();
          }
          let offset = 0;
          const expected = lines.map((line) => {
            const at = offset;
            offset += Buffer.byteLength(line) + 1;
            return { line, offset: at };
          });
          expect(read).toEqual(expected);
        },
      ),
      { numRuns: 150 },
    );
  });
});
