import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { tokenize, wordsOf } from "../../../src/domain/question/tokens.ts";

/**
 * The vocabulary reads each action's words without building tokens; it must read exactly the
 * words a question's tokens would have, whatever the text: accents, curly apostrophes, "&", Refs,
 * dates, slashes and scripts other than Latin.
 */
const piece = fc.oneof(
  fc.constantFrom(
    "what's",
    "children’s",
    "Café",
    "naïve",
    "S&L",
    "CSC-07",
    "1/2a",
    "12/03/2026",
    "3.4.25",
    "P3",
    "HoS / Service Manager",
    "SEND",
    "don`t",
    "Ümit",
    "Ωmega",
    "(DCO)",
    "e.g.",
  ),
  fc.string({
    unit: fc.constantFrom("a", "Z", "é", "1", "/", "-", ".", "'", "’", "&", "—", "\u00a0"),
  }),
);
const text = fc.array(piece, { maxLength: 8 }).map((pieces) => pieces.join(" "));

describe("the words of a text", () => {
  it("are the raw words tokenize finds, in order", () => {
    fc.assert(
      fc.property(fc.oneof(text, fc.string(), fc.string({ unit: "binary" })), (value) => {
        const fromTokens = tokenize(value)
          .filter((token) => token.kind === "word")
          .map((token) => token.raw);
        expect(wordsOf(value)).toEqual(fromTokens);
      }),
      { numRuns: 500 },
    );
  });
});
