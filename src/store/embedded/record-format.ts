/**
 * The on-disk form of one journal record: `<length>:<crc32>:<payload>\n`, where length is the
 * payload's size in bytes (decimal) and crc32 its checksum (8 hex digits). The length says where
 * the record must end, the checksum whether every byte of it reached the disk.
 */
import { crc32 } from "node:zlib";

const COLON = 0x3a;
const NEWLINE = 0x0a;
const MAX_LENGTH_DIGITS = 12;

export function encodeRecord(payload: string): Buffer {
  const body = Buffer.from(payload, "utf8");
  const header = `${body.length}:${checksumHex(body)}:`;
  return Buffer.concat([Buffer.from(header, "latin1"), body, Buffer.from("\n", "latin1")]);
}

export function checksumHex(bytes: Uint8Array): string {
  return crc32(bytes).toString(16).padStart(8, "0");
}

export type DecodedRecord =
  | { ok: true; payload: string; end: number }
  | { ok: false; reason: string };

/** Reads the record starting at `offset`; `end` is the offset just after it. */
export function decodeRecordAt(buffer: Buffer, offset: number): DecodedRecord {
  let cursor = offset;
  let length = 0;
  while (cursor < buffer.length && buffer[cursor] !== COLON) {
    const digit = (buffer[cursor] ?? 0) - 0x30;
    if (digit < 0 || digit > 9 || cursor - offset >= MAX_LENGTH_DIGITS) {
      return { ok: false, reason: "the record header is not readable" };
    }
    length = length * 10 + digit;
    cursor += 1;
  }
  if (cursor === offset || cursor >= buffer.length) {
    return { ok: false, reason: "the record header is incomplete" };
  }
  const checksumStart = cursor + 1;
  const payloadStart = checksumStart + 9;
  const payloadEnd = payloadStart + length;
  if (payloadEnd + 1 > buffer.length) {
    return { ok: false, reason: "the record is incomplete" };
  }
  if (buffer[payloadStart - 1] !== COLON || buffer[payloadEnd] !== NEWLINE) {
    return { ok: false, reason: "the record is not framed correctly" };
  }
  const payload = buffer.subarray(payloadStart, payloadEnd);
  const expected = buffer.toString("latin1", checksumStart, checksumStart + 8);
  if (checksumHex(payload) !== expected) {
    return { ok: false, reason: "the record's checksum does not match" };
  }
  return { ok: true, payload: payload.toString("utf8"), end: payloadEnd + 1 };
}

/** True when a complete, intact record starts anywhere after `offset` (at the start of a line). */
export function hasIntactRecordAfter(buffer: Buffer, offset: number): boolean {
  let newline = buffer.indexOf(NEWLINE, offset);
  while (newline !== -1 && newline + 1 < buffer.length) {
    if (decodeRecordAt(buffer, newline + 1).ok) return true;
    newline = buffer.indexOf(NEWLINE, newline + 1);
  }
  return false;
}
