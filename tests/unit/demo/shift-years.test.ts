import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  earliestDue,
  shiftDateCell,
  shiftDatesInProse,
  shiftIsoDate,
  shiftPlanDate,
  yearsToBringForward,
} from "../../../src/demo/shift-years.ts";
import { quarterOf, quarterStart } from "../../../src/domain/calendar.ts";
import { MONTH_NAMES, toIsoDate } from "../../../src/domain/iso-date.ts";
import { readPlanDate } from "../../../src/domain/plan-date.ts";

const read = (text: string) => {
  const result = readPlanDate(text);
  if (!result.ok) throw new Error(`${text}: ${result.reason}`);
  return result.value;
};

describe("moving a completion date cell forward", () => {
  it.each([
    ["September 2022", "September 2027"],
    ["Sept 22", "Sept 27"],
    ["Sep-22", "Sep-27"],
    ["March '23", "March '28"],
    ["30/09/2022", "30/09/2027"],
    ["30.9.22", "30.9.27"],
    ["2022-09-30", "2027-09-30"],
    ["09/2022", "09/2027"],
    ["Q2 2022/23", "Q2 2027/28"],
    ["2022/23", "2027/28"],
    ["end of March 2023", "end of March 2028"],
    ["1st of Sept 22", "1st of Sept 27"],
    ["30/06/2022, 30/09/2022 and December 2022", "30/06/2027, 30/09/2027 and December 2027"],
    ["TBC", "TBC"],
    ["", ""],
  ])("%s becomes %s", (before, after) => {
    expect(shiftDateCell(before, 5)).toBe(after);
  });

  it("keeps 29 February a real day when the new year has none", () => {
    expect(shiftDateCell("29/02/2024", 1)).toBe("28/02/2025");
    expect(shiftDateCell("29 February 2024", 1)).toBe("28 February 2025");
  });

  it("reads back as the same day, years later, for every way a month-end date is written", () => {
    const forms = [
      (y: number, m: number) => `${MONTH_NAMES[m - 1]} ${y}`,
      (y: number, m: number) => `${MONTH_NAMES[m - 1]?.slice(0, 3)}-${String(y).slice(2)}`,
      (y: number, m: number) => `${String(m).padStart(2, "0")}/${y}`,
    ];
    fc.assert(
      fc.property(
        fc.integer({ min: 2000, max: 2060 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 0, max: 30 }),
        fc.integer({ min: 0, max: forms.length - 1 }),
        (year, month, years, form) => {
          const text = (forms[form] as (y: number, m: number) => string)(year, month);
          const before = read(text).due as string;
          expect(read(shiftDateCell(text, years)).due).toBe(shiftIsoDate(before, years));
        },
      ),
    );
  });

  it("reads back as the same day, years later, for day-first dates", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2000, max: 2060 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 28 }),
        fc.integer({ min: 0, max: 30 }),
        (year, month, day, years) => {
          const text = `${day}/${month}/${year}`;
          expect(read(shiftDateCell(text, years)).due).toBe(toIsoDate(year + years, month, day));
        },
      ),
    );
  });
});

describe("moving dates in the plan's prose", () => {
  it("moves dates but leaves years that name other things", () => {
    expect(
      shiftDatesInProse(
        "Suggest target date for this moves to September 2022, as the Children Act 1989 guidance (pages 12-13) says.",
        5,
      ),
    ).toBe(
      "Suggest target date for this moves to September 2027, as the Children Act 1989 guidance (pages 12-13) says.",
    );
  });
});

describe("a plan date moved forward", () => {
  it("keeps the text and the due date in agreement", () => {
    const moved = shiftPlanDate(read("September 2022"), 4);
    expect(moved).toEqual({
      text: "September 2026",
      due: "2026-09-30",
      tbc: false,
      milestones: ["2026-09-30"],
    });
  });

  it("keeps a month's last day its last day across a leap year", () => {
    expect(shiftIsoDate("2023-02-28", 1)).toBe("2024-02-29");
    expect(shiftIsoDate("2024-02-29", 1)).toBe("2025-02-28");
    expect(shiftIsoDate("2022-09-15", 4)).toBe("2026-09-15");
  });

  it("leaves TBC as no date", () => {
    expect(shiftPlanDate(read("TBC"), 3)).toEqual({
      text: "TBC",
      due: null,
      tbc: true,
      milestones: [],
    });
  });
});

describe("how many years bring a plan up to today", () => {
  it("brings Rutland's first date, March 2022, to the current quarter or later", () => {
    // 23 November 2026 is in 2026-Q3 (October to December); March 2027 is the first March after.
    expect(yearsToBringForward("2022-03-31", "2026-11-23")).toBe(5);
    // In January 2027 (2026-Q4) March 2027 is in this very quarter.
    expect(yearsToBringForward("2022-03-31", "2027-01-10")).toBe(5);
    // In April 2027 (2027-Q1) March 2027 has gone: a year more.
    expect(yearsToBringForward("2022-03-31", "2027-04-01")).toBe(6);
  });

  it("never moves a plan that is already current, or has no dates", () => {
    expect(yearsToBringForward("2027-06-30", "2026-11-23")).toBe(0);
    expect(yearsToBringForward(null, "2026-11-23")).toBe(0);
  });

  it("lands the earliest date in the current quarter or later, and no later than it must", () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date("2000-01-01"), max: new Date("2030-12-31"), noInvalidDate: true }),
        fc.date({ min: new Date("2000-01-01"), max: new Date("2060-12-31"), noInvalidDate: true }),
        (due, today) => {
          const dueIso = due.toISOString().slice(0, 10);
          const from = quarterStart(quarterOf(today.toISOString().slice(0, 10)));
          const years = yearsToBringForward(dueIso, today.toISOString().slice(0, 10));
          expect(shiftIsoDate(dueIso, years) >= from).toBe(true);
          if (years > 0) expect(shiftIsoDate(dueIso, years - 1) < from).toBe(true);
        },
      ),
    );
  });

  it("finds the earliest due date, ignoring actions without one", () => {
    const dates = ["December 2022", "TBC", "March 2022", "August 2022"].map(read);
    expect(earliestDue(dates)).toBe("2022-03-31");
    expect(earliestDue([read("TBC")])).toBeNull();
  });
});
