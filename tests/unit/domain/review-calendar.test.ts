import { describe, expect, it } from "vitest";
import { defaultReviewDate } from "../../../src/domain/calendar.ts";
import {
  nextReviewQuarter,
  openingRound,
  roundsCome,
  scheduledRound,
} from "../../../src/domain/review-calendar.ts";

// 2026-Q3's review falls on Thursday 31 December 2026. Christmas Day (Fri 25) and the Boxing Day
// substitute (Mon 28) are bank holidays, so the rounds are counted back over them.
const Q3_REVIEW = "2026-12-31";

describe("which round a daily run sends", () => {
  it.each([
    ["2026-12-08", null],
    ["2026-12-09", "open"],
    ["2026-12-10", null],
    ["2026-12-17", null],
    ["2026-12-18", "chase"],
    ["2026-12-22", null],
    ["2026-12-29", "final"],
    ["2026-12-31", null],
    ["2027-01-04", null],
  ])("on %s, with each earlier round sent on its day, sends %s", (today, expected) => {
    const sent = roundsCome(Q3_REVIEW, today).filter((round) => round !== expected);
    expect(scheduledRound(Q3_REVIEW, sent, today)?.round ?? null).toBe(expected);
  });

  it("puts the chaser on Friday 18 December, not Tuesday 22nd, because of the two bank holidays", () => {
    expect(roundsCome(Q3_REVIEW, "2026-12-17")).toEqual(["open"]);
    expect(roundsCome(Q3_REVIEW, "2026-12-18")).toEqual(["open", "chase"]);
  });

  it("never sends a round twice", () => {
    expect(scheduledRound(Q3_REVIEW, ["open"], "2026-12-09")).toBeNull();
    expect(scheduledRound(Q3_REVIEW, ["open", "chase"], "2026-12-21")).toBeNull();
  });

  it("sends a round missed during downtime on the next run", () => {
    expect(scheduledRound(Q3_REVIEW, ["open"], "2026-12-22")).toEqual({
      round: "chase",
      covers: ["open", "chase"],
    });
  });

  it("after downtime across two rounds, sends one message (the latest round) covering both", () => {
    expect(scheduledRound(Q3_REVIEW, [], "2026-12-21")).toEqual({
      round: "chase",
      covers: ["open", "chase"],
    });
    expect(scheduledRound(Q3_REVIEW, ["open"], "2026-12-30")).toEqual({
      round: "final",
      covers: ["open", "chase", "final"],
    });
  });

  it("sends nothing once the review date has passed", () => {
    expect(scheduledRound(Q3_REVIEW, [], "2027-01-04")).toBeNull();
  });

  it("follows a review date an admin moved", () => {
    // 15 January 2027 (Friday): T-14 working days, skipping 1 January, 25 and 28 December, is 23 December.
    expect(scheduledRound("2027-01-15", [], "2026-12-23")?.round).toBe("open");
    expect(scheduledRound("2027-01-15", [], "2026-12-22")).toBeNull();
  });
});

describe("start review", () => {
  it("opens a review before its first round, covering only the opening", () => {
    expect(openingRound(Q3_REVIEW, [], "2026-12-01")).toEqual({ round: "open", covers: ["open"] });
  });

  it("opened after the chaser's day, also covers the chaser so it doesn't follow next morning", () => {
    expect(openingRound(Q3_REVIEW, [], "2026-12-21")).toEqual({
      round: "open",
      covers: ["open", "chase"],
    });
  });

  it("does nothing when the review is already open", () => {
    expect(openingRound(Q3_REVIEW, ["open"], "2026-12-10")).toBeNull();
  });
});

describe("the next review", () => {
  const dates =
    (overrides: Record<string, string> = {}) =>
    (q: string) =>
      overrides[q] ?? defaultReviewDate(q);

  it("is this quarter's until its review date has passed", () => {
    expect(nextReviewQuarter("2026-11-23", dates())).toBe("2026-Q3");
    expect(nextReviewQuarter("2026-12-31", dates())).toBe("2026-Q3");
  });

  it("is the next quarter's once this quarter's date has passed", () => {
    expect(nextReviewQuarter("2026-09-30", dates({ "2026-Q2": "2026-09-29" }))).toBe("2026-Q3");
  });

  it("is last quarter's when an admin moved its date into this quarter", () => {
    expect(nextReviewQuarter("2027-01-05", dates({ "2026-Q3": "2027-01-15" }))).toBe("2026-Q3");
    expect(nextReviewQuarter("2027-01-18", dates({ "2026-Q3": "2027-01-15" }))).toBe("2026-Q4");
  });
});
