import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  decodeRecordAt,
  encodeRecord,
  hasIntactRecordAfter,
} from "../../../src/store/embedded/record-format.ts";

const payloads = fc.jsonValue().map((value) => JSON.stringify(value) ?? "null");

describe("journal records", () => {
  it("read back exactly what was written, one after another", () => {
    fc.assert(
      fc.property(fc.array(payloads, { minLength: 1, maxLength: 5 }), (texts) => {
        const file = Buffer.concat(texts.map(encodeRecord));
        const read: string[] = [];
        let offset = 0;
        while (offset < file.length) {
          const record = decodeRecordAt(file, offset);
          if (!record.ok) throw new Error(record.reason);
          read.push(record.payload);
          offset = record.end;
        }
        expect(read).toEqual(texts);
      }),
    );
  });

  it("never accept a record cut short", () => {
    fc.assert(
      fc.property(payloads, fc.nat(), (text, cut) => {
        const record = encodeRecord(text);
        const torn = record.subarray(0, cut % record.length);
        expect(decodeRecordAt(torn, 0).ok).toBe(false);
      }),
    );
  });

  it("never accept a record with a changed byte", () => {
    fc.assert(
      fc.property(payloads, fc.nat(), fc.integer({ min: 1, max: 255 }), (text, at, flip) => {
        const record = Buffer.from(encodeRecord(text));
        const index = at % record.length;
        record[index] = (record[index] ?? 0) ^ flip;
        expect(decodeRecordAt(record, 0).ok).toBe(false);
      }),
    );
  });

  it("tell damage in the middle (good records follow) from a torn end (nothing good follows)", () => {
    const first = encodeRecord('{"n":1}');
    const damaged = Buffer.from(encodeRecord('{"n":2}'));
    damaged[damaged.length - 3] = 0x30;
    const third = encodeRecord('{"n":3}');
    expect(hasIntactRecordAfter(Buffer.concat([first, damaged, third]), first.length)).toBe(true);
    const tornTail = Buffer.concat([first, damaged, third.subarray(0, 6)]);
    expect(hasIntactRecordAfter(tornTail, first.length)).toBe(false);
  });
});
