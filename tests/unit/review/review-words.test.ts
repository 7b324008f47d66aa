import { describe, expect, it } from "vitest";
import { commandWords } from "../../../src/review/review-commands.ts";
import { readReviewDate } from "../../../src/review/set-review-date.ts";
import { parseQuarter } from "../../../src/review/start-review.ts";

describe("chat commands", () => {
  it.each([
    ["Who hasn't updated?", "who hasnt updated"],
    ["who hasn\u2019t updated", "who hasnt updated"],
    ["  My   Actions. ", "my actions"],
    ["REVIEW STATUS!", "review status"],
  ])("reads %j as %j", (typed, words) => {
    expect(commandWords(typed)).toBe(words);
  });
});

describe("review dates and quarters as people type them", () => {
  it.each([
    ["2027-01-15", "2027-01-15"],
    ["15/01/2027", "2027-01-15"],
    ["15 January 2027", "2027-01-15"],
  ])("reads %s", (typed, iso) => {
    expect(readReviewDate(typed)).toBe(iso);
  });

  it("refuses what is not one date, saying how to write it", () => {
    for (const typed of ["next Tuesday", "TBC", "1/1/2027 and 2/2/2027"]) {
      expect(() => readReviewDate(typed)).toThrow("write the review date like 15/01/2027");
    }
  });

  it("reads quarters in any case and refuses others", () => {
    expect(parseQuarter(" 2026-q3 ")).toBe("2026-Q3");
    expect(() => parseQuarter("Q3 2026")).toThrow("write it like 2026-Q3");
  });
});
