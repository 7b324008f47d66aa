import { describe, expect, it } from "vitest";
import { allowedEdits, boundedEditDistance } from "../../../src/domain/question/edit-distance.ts";
import { tokenize } from "../../../src/domain/question/tokens.ts";
import { wordKey } from "../../../src/domain/question/word-forms.ts";
import { parseSample, sampleQuery } from "./ask.ts";

describe("reading words", () => {
  it("drops punctuation, joins apostrophes and splits letters from numbers", () => {
    expect(tokenize("What’s red for P3?").map((t) => t.text)).toEqual([
      "whats",
      "red",
      "for",
      "p",
      "3",
    ]);
    expect(tokenize("csc07").map((t) => t.key)).toEqual(["csc", "7"]);
  });

  it("keeps a day-first date whole and a Lead's slash as its own token", () => {
    expect(tokenize("by 31/12/2026.").map((t) => t.kind)).toEqual(["word", "date"]);
    expect(tokenize("HoS/Service").map((t) => t.kind)).toEqual(["word", "slash", "word"]);
  });

  it("compares plurals with their singular but leaves short words alone", () => {
    expect(wordKey("Reds")).toBe("red");
    expect(wordKey("IROs")).toBe("iro");
    expect(wordKey("priorities")).toBe("priority");
    expect(wordKey("HoS")).toBe("hos");
    expect(wordKey("status")).toBe("status");
  });
});

describe("edit distance", () => {
  it("counts a swap of neighbours as one edit", () => {
    expect(boundedEditDistance("ldao", "lado", 1)).toBe(1);
    expect(boundedEditDistance("priorty", "priority", 2)).toBe(1);
    expect(boundedEditDistance("amber", "amber", 1)).toBe(0);
  });

  it("stops at the limit and reports one past it", () => {
    expect(boundedEditDistance("green", "grey", 1)).toBe(2);
    expect(boundedEditDistance("fostering", "placements", 2)).toBe(3);
  });

  it("allows no edits up to 3 letters, one for 4–6, two beyond", () => {
    expect([3, 4, 6, 7, 12].map((n) => allowedEdits("x".repeat(n)))).toEqual([0, 1, 1, 2, 2]);
  });
});

describe("typos", () => {
  it("reads misspelt grammar words and says how", () => {
    const parsed = parseSample("wats red for priorty 3");
    expect(parsed.kind === "query" && parsed.corrections).toContainEqual({
      typed: "priorty",
      readAs: "priority",
    });
    expect(sampleQuery("wats red for priorty 3")).toMatchObject({ rags: ["Red"], priorities: [3] });
  });

  it("reads a dropped letter in a short word", () => {
    expect(sampleQuery("ambr").rags).toEqual(["Amber"]);
    expect(sampleQuery("grene").rags).toEqual(["Green"]);
  });

  it("reads misspelt plan names", () => {
    expect(sampleQuery("fostring").deliveryAreas).toEqual(["Fostering"]);
    expect(sampleQuery("ldao").leads).toEqual([{ match: "part", value: "LADO" }]);
    expect(sampleQuery("domestc abuse").priorities).toEqual([4]);
  });

  it("does not guess at words of three letters or fewer", () => {
    expect(parseSample("rd")).toMatchObject({ kind: "unknown" });
  });

  it("does not stretch a 4–6 letter word by two edits", () => {
    expect(parseSample("grnn")).toMatchObject({ kind: "unknown" });
  });

  it("ignores casing", () => {
    expect(sampleQuery("WHAT'S AMBER FOR LADO")).toMatchObject({
      rags: ["Amber"],
      leads: [{ match: "part", value: "LADO" }],
    });
  });
});
