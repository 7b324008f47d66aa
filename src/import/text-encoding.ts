/**
 * The text of a CSV file, whatever Excel saved it as. "CSV UTF-8" is UTF-8 with a byte-order
 * mark; "CSV (Comma delimited)" is Windows-1252 on English Windows, where £, é, curly quotes and
 * dashes are single bytes that are not valid UTF-8; "Unicode Text" is UTF-16 with a mark. Valid
 * UTF-8 is read as UTF-8 (any mark dropped); anything else is read as Windows-1252, which gives
 * every byte a character, so nothing becomes U+FFFD.
 */
export type TextEncoding = "UTF-8" | "UTF-16" | "Windows-1252";

export function decodeText(bytes: Buffer): { text: string; encoding: TextEncoding } {
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return { text: new TextDecoder("utf-16le").decode(bytes.subarray(2)), encoding: "UTF-16" };
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return { text: new TextDecoder("utf-16be").decode(bytes.subarray(2)), encoding: "UTF-16" };
  try {
    const text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
    return { text, encoding: "UTF-8" };
  } catch {
    return { text: decodeWindows1252(bytes), encoding: "Windows-1252" };
  }
}

/**
 * Windows-1252 is Latin-1 except for 0x80–0x9F, where it keeps €, curly quotes, dashes, ™ and
 * others. Node's own "windows-1252" decoder reads those bytes as Latin-1 control characters, so
 * the 32 of them are mapped here (the five Windows leaves undefined stay as they are).
 */
const WINDOWS_1252_80_9F = "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ";

function decodeWindows1252(bytes: Buffer): string {
  let text = "";
  for (const b of bytes)
    text += b >= 0x80 && b <= 0x9f ? WINDOWS_1252_80_9F[b - 0x80] : String.fromCharCode(b);
  return text;
}

/** A file that starts with a UTF-16 mark is text even though half its bytes are zero. */
export function hasUtf16Mark(bytes: Buffer): boolean {
  return (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
}
