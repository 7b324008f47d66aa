import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { journalPath } from "../../../src/store/embedded/files.ts";
import { JournalWriter } from "../../../src/store/embedded/journal-writer.ts";
import { decodeRecordAt } from "../../../src/store/embedded/record-format.ts";

const dirs: string[] = [];
afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

async function readChanges(path: string): Promise<{ records: number; changes: unknown[] }> {
  const file = await readFile(path);
  const changes: unknown[] = [];
  let records = 0;
  for (let offset = 0; offset < file.length; records += 1) {
    const record = decodeRecordAt(file, offset);
    if (!record.ok) throw new Error(record.reason);
    changes.push(...(JSON.parse(record.payload) as { c: unknown[] }).c);
    offset = record.end;
  }
  return { records, changes };
}

describe("the journal writer", () => {
  it("lets concurrent changes share records and keeps them in order", async () => {
    const dir = await mkdtemp(join(tmpdir(), "journal-"));
    dirs.push(dir);
    const journal = new JournalWriter(dir, 1);
    const acknowledged = Array.from({ length: 1_000 }, async (_, n) => {
      await Promise.resolve();
      journal.append(JSON.stringify({ n }));
      await journal.whenDurable();
      return n;
    });
    expect(await Promise.all(acknowledged)).toHaveLength(1_000);
    await journal.close();

    const { records, changes } = await readChanges(journalPath(dir, 1));
    expect(changes).toEqual(Array.from({ length: 1_000 }, (_, n) => ({ n })));
    expect(records).toBeLessThan(10);
  });

  it("puts changes after a rotation in the next generation, after the old one is closed", async () => {
    const dir = await mkdtemp(join(tmpdir(), "journal-"));
    dirs.push(dir);
    const journal = new JournalWriter(dir, 4);
    journal.append('{"n":1}');
    const { closedGeneration, closed } = journal.rotate();
    journal.append('{"n":2}');
    await closed;
    await journal.whenDurable();
    await journal.close();

    expect(closedGeneration).toBe(4);
    expect((await readChanges(journalPath(dir, 4))).changes).toEqual([{ n: 1 }]);
    expect((await readChanges(journalPath(dir, 5))).changes).toEqual([{ n: 2 }]);
  });
});
