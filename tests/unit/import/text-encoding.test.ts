import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeText } from "../../../src/import/text-encoding.ts";

/** The characters Excel's "CSV (Comma delimited)" writes as one byte each, by byte. */
const WINDOWS_1252: [string, number][] = [
  ["£", 0xa3],
  ["é", 0xe9],
  ["€", 0x80],
  ["‘", 0x91],
  ["’", 0x92],
  ["“", 0x93],
  ["”", 0x94],
  ["–", 0x96],
  ["—", 0x97],
  ["…", 0x85],
  ["™", 0x99],
  ["½", 0xbd],
];

describe("decodeText", () => {
  it("reads UTF-8 with or without its byte-order mark", () => {
    expect(decodeText(Buffer.from("\uFEFFRef,£ “x” – é", "utf8"))).toEqual({
      text: "Ref,£ “x” – é",
      encoding: "UTF-8",
    });
    expect(decodeText(Buffer.from("Ref,£", "utf8")).text).toBe("Ref,£");
  });

  it("reads UTF-16 with its mark, little- or big-endian", () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("Ref\t£5", "utf16le")]);
    expect(decodeText(le)).toEqual({ text: "Ref\t£5", encoding: "UTF-16" });
    const be = Buffer.from(le.subarray(2)).swap16();
    expect(decodeText(Buffer.concat([Buffer.from([0xfe, 0xff]), be])).text).toBe("Ref\t£5");
  });

  /**
   * Words as plans have them: each of those characters next to ASCII ("£5", "café", "“x”").
   * (Bytes such as é££ together happen to be valid UTF-8 too, and are read as UTF-8: the rule is
   * that valid UTF-8 is UTF-8. Real text does not put three of them in a row.)
   */
  it("reads Windows-1252 text exactly, whatever mix of those characters and ASCII", () => {
    const ascii = fc.stringMatching(/^[ -~]$/).map((c) => [c, c.charCodeAt(0)] as [string, number]);
    const piece = fc
      .tuple(fc.option(fc.constantFrom(...WINDOWS_1252), { nil: undefined }), ascii)
      .map(([special, plain]) => (special ? [special, plain] : [plain]));
    fc.assert(
      fc.property(fc.array(piece, { minLength: 1, maxLength: 30 }), (groups) => {
        const pieces = groups.flat();
        const bytes = Buffer.from(pieces.map(([, b]) => b));
        const text = pieces.map(([c]) => c).join("");
        const read = decodeText(bytes);
        // Pure ASCII is valid UTF-8 too, and reads the same either way.
        expect(read.text).toBe(text);
        if (pieces.some(([, b]) => b >= 0x80)) expect(read.encoding).toBe("Windows-1252");
      }),
      { numRuns: 400 },
    );
  });
});
