import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseQuestion } from "../../../src/domain/question/parse-question.ts";
import type { PlanVocabulary } from "../../../src/domain/question/vocabulary.ts";

/** Refs as councils write them: numbers and letters joined by ".", "-", "/", "\", "#" or "?". */
const piece = fc.oneof(
  fc.integer({ min: 1, max: 40 }).map(String),
  fc.constantFrom("a", "b", "PA", "SEND", "EH"),
);
const joiner = fc.constantFrom(".", "-", "/", "\\", "#", "?");
const awkwardRef = fc
  .tuple(
    piece,
    fc.array(fc.tuple(joiner, piece), { minLength: 1, maxLength: 3 }),
    fc.constantFrom("", "#", "?"),
  )
  .map(([first, rest, end]) => `${first}${rest.map(([j, p]) => j + p).join("")}${end}`)
  .filter((ref) => /[/\\#?]/.test(ref));

const vocabulary = (refs: string[]): PlanVocabulary => ({
  priorities: [
    { number: 1, name: "Best start in life" },
    { number: 2, name: "Children with SEND achieve well" },
  ],
  leads: ["Head of Early Help"],
  sections: [],
  deliveryAreas: [],
  refs,
});

describe("a Ref holding / \\ # or ?", () => {
  it("is read as that Ref when asked about, as typed", () => {
    fc.assert(
      fc.property(
        awkwardRef,
        fc.constantFrom("tell me about ", "", "what about ", "show "),
        (ref, lead) => {
          const parsed = parseQuestion(`${lead}${ref}`, vocabulary([ref, "1.1"]), "2026-12-10");
          expect(parsed).toEqual({ kind: "ref", ref });
        },
      ),
      { numRuns: 300 },
    );
  });

  it("tells apart Refs written apart only by what joins them", () => {
    const refs = ["1/1", "1.1", "1#1"];
    for (const ref of refs) {
      expect(parseQuestion(`tell me about ${ref}`, vocabulary(refs), "2026-12-10")).toEqual({
        kind: "ref",
        ref,
      });
    }
  });

  it("leaves a slash between two Refs as two Refs", () => {
    const parsed = parseQuestion("1.1 / 1.2", vocabulary(["1.1", "1.2", "1/2a"]), "2026-12-10");
    expect(JSON.stringify(parsed)).toContain('"1.1"');
    expect(JSON.stringify(parsed)).toContain('"1.2"');
  });
});
