import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseRag } from "../../../src/domain/rag-rules.ts";

describe("parseRag: BRAG and the key's words", () => {
  it.each<[string, string, boolean]>([
    ["Blue", "Green", true],
    ["B", "Green", true],
    ["blue", "Green", true],
    ["Done", "Green", true],
    ["On track", "Green", false],
    ["At risk", "Amber", false],
    ["Not started", "Amber", false],
    ["Not yet commenced", "Amber", false],
    ["Off track", "Red", false],
    ["Amber – at risk", "Amber", false],
    ["Green (on track)", "Green", false],
    ["BLUE: complete", "Green", true],
    ["Red - timescale not being achieved", "Red", false],
  ])("reads %j as %s (complete: %s)", (text, rag, complete) => {
    expect(parseRag(text)).toEqual({ ok: true, rag, complete });
  });

  it.each(["Amber/Green", "Purple", "In progress", "n/a", "Redish"])(
    "refuses %j, naming what it accepts",
    (text) => {
      const result = parseRag(text);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.reason).toContain("Blue or Complete");
    },
  );
});

describe("parseRag: properties", () => {
  const colour = fc.constantFrom(
    ["red", "Red", false],
    ["amber", "Amber", false],
    ["green", "Green", false],
    ["blue", "Green", true],
    ["r", "Red", false],
    ["a", "Amber", false],
    ["g", "Green", false],
    ["b", "Green", true],
    ["complete", "Green", true],
    ["completed", "Green", true],
  ) as fc.Arbitrary<[string, string, boolean]>;
  /** However a council cases and pads it. */
  const cased = (word: string) =>
    fc
      .tuple(
        fc.array(fc.boolean(), { minLength: word.length, maxLength: word.length }),
        fc.constantFrom("", " ", "  ", "\t"),
        fc.constantFrom("", " ", "\n"),
      )
      .map(
        ([upper, before, after]) =>
          `${before}${[...word].map((c, i) => (upper[i] ? c.toUpperCase() : c)).join("")}${after}`,
      );

  it("reads every colour, letter and completion word in any case and padding", () => {
    fc.assert(
      fc.property(
        colour.chain(([word, rag, complete]) =>
          cased(word).map((text) => ({ text, rag, complete })),
        ),
        ({ text, rag, complete }) => {
          expect(parseRag(text)).toEqual({ ok: true, rag, complete });
        },
      ),
      { numRuns: 400 },
    );
  });

  it("reads a colour followed by its meaning in words as that colour", () => {
    const explained = fc.tuple(
      fc.constantFrom("Red", "Amber", "Green"),
      fc.constantFrom(" - ", " – ", ": ", " (", ". "),
      fc.stringMatching(/^[a-z ]{0,30}$/),
    );
    fc.assert(
      fc.property(explained, ([rag, separator, words]) => {
        expect(parseRag(`${rag}${separator}${words}`)).toEqual({ ok: true, rag, complete: false });
      }),
      { numRuns: 300 },
    );
  });

  it("never throws, and refuses with a reason whatever else is typed", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (text) => {
        const result = parseRag(text);
        if (!result.ok) expect(result.reason).toContain("is not a RAG rating");
      }),
      { numRuns: 500 },
    );
  });
});
