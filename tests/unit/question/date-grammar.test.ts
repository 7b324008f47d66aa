import { describe, expect, it } from "vitest";
import {
  nextOccurrence,
  quarterContaining,
  quarterRange,
  shiftQuarter,
} from "../../../src/domain/question/fiscal-calendar.ts";
import { parseSample, sampleQuery } from "./ask.ts";

const NOVEMBER = "2026-11-23";

describe("financial quarters", () => {
  it("runs April to March, named by the year it starts", () => {
    expect(quarterContaining("2026-11-23")).toBe("2026-Q3");
    expect(quarterContaining("2027-02-01")).toBe("2026-Q4");
    expect(quarterContaining("2026-04-01")).toBe("2026-Q1");
    expect(quarterRange("2026-Q4")).toEqual({ from: "2027-01-01", to: "2027-03-31" });
    expect(shiftQuarter("2026-Q4", 1)).toBe("2027-Q1");
    expect(shiftQuarter("2026-Q1", -1)).toBe("2025-Q4");
  });

  it("finds the next 31 March on or after a day", () => {
    expect(nextOccurrence("2026-11-23", 3, 31)).toBe("2027-03-31");
    expect(nextOccurrence("2027-03-31", 3, 31)).toBe("2027-03-31");
    expect(nextOccurrence("2027-02-10", 3, 31)).toBe("2027-03-31");
  });
});

describe("dates in questions", () => {
  it.each([
    ["overdue", { kind: "overdue" }],
    ["past their due date", { kind: "overdue" }],
    [
      "what's due this quarter",
      { kind: "dueBetween", from: "2026-10-01", to: "2026-12-31", period: "this quarter" },
    ],
    [
      "due next quarter",
      { kind: "dueBetween", from: "2027-01-01", to: "2027-03-31", period: "next quarter" },
    ],
    [
      "due this month",
      { kind: "dueBetween", from: "2026-11-01", to: "2026-11-30", period: "this month" },
    ],
    [
      "due next month",
      { kind: "dueBetween", from: "2026-12-01", to: "2026-12-31", period: "next month" },
    ],
    ["due in march", { kind: "dueBetween", from: "2027-03-01", to: "2027-03-31", period: "month" }],
    ["due in Q1", { kind: "dueBetween", from: "2027-04-01", to: "2027-06-30", period: "quarter" }],
    ["due before end of March", { kind: "dueBy", date: "2027-03-31" }],
    ["by the end of march", { kind: "dueBy", date: "2027-03-31" }],
    ["by end of March 2026", { kind: "dueBy", date: "2026-03-31" }],
    ["by 31/12/2026", { kind: "dueBy", date: "2026-12-31" }],
    ["by 31st December", { kind: "dueBy", date: "2026-12-31" }],
    ["before 1 January 2027", { kind: "dueBy", date: "2026-12-31" }],
    ["before March", { kind: "dueBy", date: "2027-02-28" }],
    ["by march", { kind: "dueBy", date: "2027-03-31" }],
    ["by the end of the quarter", { kind: "dueBy", date: "2026-12-31" }],
    ["by end of the financial year", { kind: "dueBy", date: "2027-03-31" }],
    ["due by Christmas", { kind: "dueBy", date: "2026-12-25" }],
    ["what's due before xmas", { kind: "dueBy", date: "2026-12-24" }],
    ["by christmas day 2027", { kind: "dueBy", date: "2027-12-25" }],
    ["before the new year", { kind: "dueBy", date: "2026-12-31" }],
    ["by Easter", { kind: "dueBy", date: "2027-03-28" }],
    ["by Easter 2028", { kind: "dueBy", date: "2028-04-16" }],
    ["by the summer", { kind: "dueBy", date: "2027-08-31" }],
    ["by the summer term", { kind: "dueBy", date: "2027-07-31" }],
    ["by end of term", { kind: "dueBy", date: "2026-12-31" }],
    ["no date", { kind: "noDate" }],
    ["TBC", { kind: "noDate" }],
    ["without a due date", { kind: "noDate" }],
  ])("%s", (question, date) => {
    expect(sampleQuery(question, NOVEMBER).dates).toEqual([date]);
  });

  it("reads “end of March” asked in February as this March", () => {
    expect(sampleQuery("due before end of March", "2027-02-10").dates).toEqual([
      { kind: "dueBy", date: "2027-03-31" },
    ]);
  });

  it("reads “since” as the latest such date on or before today", () => {
    expect(sampleQuery("updated since 1 December", NOVEMBER).review).toEqual([
      { kind: "updatedSince", date: "2025-12-01" },
    ]);
    expect(sampleQuery("updated since October", NOVEMBER).review).toEqual([
      { kind: "updatedSince", date: "2026-10-01" },
    ]);
  });

  it("offers either of two dates asked together", () => {
    expect(sampleQuery("overdue or due this month").dates.map((d) => d.kind)).toEqual([
      "overdue",
      "dueBetween",
    ]);
  });

  it("reads “since Christmas” as the last one", () => {
    expect(sampleQuery("updated since christmas", NOVEMBER).review).toEqual([
      { kind: "updatedSince", date: "2025-12-25" },
    ]);
  });

  it("does not read “by HoS” as a date", () => {
    expect(sampleQuery("overdue by HoS")).toMatchObject({
      dates: [{ kind: "overdue" }],
      leads: [{ match: "part", value: "HoS" }],
    });
  });

  it("refuses a date that does not exist rather than guessing", () => {
    expect(parseSample("by 31/02/2027")).toEqual({
      kind: "unknown",
      reason: "“31/02/2027” is not a date I know — write it day first, like 31/12/2026.",
    });
  });
});
