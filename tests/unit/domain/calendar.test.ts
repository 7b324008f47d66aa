import { describe, expect, it } from "vitest";
import {
  defaultReviewDate,
  nextQuarter,
  previousQuarter,
  quarterEnd,
  quarterLabel,
  quarterOf,
  quarterStart,
  reviewRoundDates,
  todayIn,
} from "../../../src/domain/calendar.ts";
import { DomainError } from "../../../src/domain/errors.ts";

describe("financial-year quarters", () => {
  it.each([
    ["2026-04-01", "2026-Q1"],
    ["2026-06-30", "2026-Q1"],
    ["2026-07-01", "2026-Q2"],
    ["2026-10-05", "2026-Q3"],
    ["2026-12-31", "2026-Q3"],
    ["2027-01-01", "2026-Q4"],
    ["2027-02-01", "2026-Q4"],
    ["2027-03-31", "2026-Q4"],
  ])("puts %s in %s", (date, quarter) => {
    expect(quarterOf(date)).toBe(quarter);
  });

  it.each([
    ["2026-Q1", "2026-04-01", "2026-06-30", "April to June 2026 (2026-Q1)"],
    ["2026-Q2", "2026-07-01", "2026-09-30", "July to September 2026 (2026-Q2)"],
    ["2026-Q3", "2026-10-01", "2026-12-31", "October to December 2026 (2026-Q3)"],
    ["2026-Q4", "2027-01-01", "2027-03-31", "January to March 2027 (2026-Q4)"],
  ])("%s runs from %s to %s: %s", (quarter, start, end, label) => {
    expect(quarterStart(quarter)).toBe(start);
    expect(quarterEnd(quarter)).toBe(end);
    expect(quarterLabel(quarter)).toBe(label);
  });

  it("moves to the next and previous quarter across the financial year", () => {
    expect(nextQuarter("2026-Q3")).toBe("2026-Q4");
    expect(nextQuarter("2026-Q4")).toBe("2027-Q1");
    expect(previousQuarter("2027-Q1")).toBe("2026-Q4");
    expect(previousQuarter("2026-Q2")).toBe("2026-Q1");
  });

  it("refuses a malformed quarter with the form to use", () => {
    expect(() => quarterEnd("2026-Q5")).toThrow(DomainError);
    expect(() => quarterEnd("Q3 2026")).toThrow("write it like 2026-Q3");
  });
});

describe("review dates", () => {
  it("falls on the quarter's last day when it is a working day", () => {
    expect(defaultReviewDate("2026-Q2")).toBe("2026-09-30");
    expect(defaultReviewDate("2026-Q4")).toBe("2027-03-31");
  });

  it("moves back from a weekend and a bank holiday to the last working day", () => {
    // 31 March 2029 is a Saturday and 30 March 2029 is Good Friday.
    expect(defaultReviewDate("2028-Q4")).toBe("2029-03-29");
    // 31 December 2028 is a Sunday.
    expect(defaultReviewDate("2028-Q3")).toBe("2028-12-29");
  });

  it("sends the rounds 14, 7 and 2 working days before, skipping the Easter holidays", () => {
    // Review Wednesday 31 March 2027; Good Friday 26 and Easter Monday 29 March are not counted.
    expect(reviewRoundDates(defaultReviewDate("2026-Q4"))).toEqual({
      open: "2027-03-09",
      chase: "2027-03-18",
      final: "2027-03-25",
    });
  });

  it("skips Christmas and the Boxing Day substitute when counting back", () => {
    expect(reviewRoundDates("2026-12-31")).toEqual({
      open: "2026-12-09",
      chase: "2026-12-18",
      final: "2026-12-29",
    });
  });
});

describe("todayIn", () => {
  it("gives London's date, which differs from UTC's just after midnight in summer", () => {
    const now = new Date("2026-09-30T23:30:00Z");
    expect(todayIn("Europe/London", now)).toBe("2026-10-01");
    expect(todayIn("UTC", now)).toBe("2026-09-30");
  });

  it("refuses a zone that does not exist, naming the setting", () => {
    expect(() => todayIn("Mars/Olympus", new Date())).toThrow(/REVIEW_TIMEZONE "Mars\/Olympus"/);
  });
});
