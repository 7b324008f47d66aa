import { describe, expect, it } from "vitest";
import {
  addWorkingDays,
  isWorkingDay,
  lastWorkingDayOnOrBefore,
  workingDaysBetween,
} from "../../../src/domain/working-days.ts";

describe("working days", () => {
  it("counts weekdays as working days, except bank holidays", () => {
    expect(isWorkingDay("2026-12-24")).toBe(true); // Thursday
    expect(isWorkingDay("2026-12-25")).toBe(false); // Christmas Day
    expect(isWorkingDay("2026-12-26")).toBe(false); // Saturday
    expect(isWorkingDay("2026-12-27")).toBe(false); // Sunday
    expect(isWorkingDay("2026-12-28")).toBe(false); // Boxing Day (substitute)
    expect(isWorkingDay("2026-12-29")).toBe(true);
  });

  it("steps forwards and backwards over weekends and bank holidays", () => {
    expect(addWorkingDays("2026-12-24", 1)).toBe("2026-12-29");
    expect(addWorkingDays("2026-12-29", -1)).toBe("2026-12-24");
    expect(addWorkingDays("2026-09-28", -2)).toBe("2026-09-24"); // Monday → Thursday before
    expect(addWorkingDays("2026-09-25", 5)).toBe("2026-10-02");
  });

  it("leaves the date alone for zero working days, even on a weekend", () => {
    expect(addWorkingDays("2026-12-26", 0)).toBe("2026-12-26");
  });

  it("goes back from a weekend or bank holiday to the working day before", () => {
    expect(lastWorkingDayOnOrBefore("2026-09-30")).toBe("2026-09-30");
    expect(lastWorkingDayOnOrBefore("2028-12-31")).toBe("2028-12-29"); // Sunday → Friday
    expect(lastWorkingDayOnOrBefore("2029-03-31")).toBe("2029-03-29"); // Saturday, then Good Friday
  });
});

// How long an update has waited for DMT: the sign-off queue, the reminder of slow decisions and the
// card two days before the review all count it this one way.
describe("working days waited", () => {
  it("counts the working days after the first date up to and including the second", () => {
    // Monday 30 November 2026 → Monday 7 December: five working days.
    expect(workingDaysBetween("2026-11-30", "2026-12-07")).toBe(5);
    expect(workingDaysBetween("2026-11-30", "2026-11-30")).toBe(0);
    // Submitted on a Friday, looked at on the Monday: one.
    expect(workingDaysBetween("2026-12-04", "2026-12-07")).toBe(1);
  });

  it("is nothing when the second date is not later", () => {
    expect(workingDaysBetween("2026-12-07", "2026-11-30")).toBe(0);
  });

  it("skips a weekend next to a bank holiday", () => {
    // Friday 22 May 2026, then the weekend and the Spring bank holiday (Monday 25): Tuesday is 1.
    expect(workingDaysBetween("2026-05-22", "2026-05-26")).toBe(1);
    // Thursday 24 December 2026: Christmas (Fri), the weekend, Boxing Day substitute (Mon 28).
    expect(workingDaysBetween("2026-12-24", "2026-12-29")).toBe(1);
    // Monday 21 December 2026 to Tuesday 29: Tue 22, Wed 23, Thu 24 and Tue 29.
    expect(workingDaysBetween("2026-12-21", "2026-12-29")).toBe(4);
    // Easter 2027: Good Friday 26 March and Easter Monday 29 March around the weekend.
    expect(workingDaysBetween("2027-03-25", "2027-03-30")).toBe(1);
  });

  it("counts nothing for the day sent, even when it was sent on a weekend or bank holiday", () => {
    // Sent on Saturday 5 December 2026: Monday 7th is the first working day waited.
    expect(workingDaysBetween("2026-12-05", "2026-12-07")).toBe(1);
    // Sent on Christmas Day 2026: Tuesday 29th is the first.
    expect(workingDaysBetween("2026-12-25", "2026-12-29")).toBe(1);
    // Sent on New Year's Eve 2026 (Thursday); New Year's Day is off, so Monday 4 January is 1.
    expect(workingDaysBetween("2026-12-31", "2027-01-04")).toBe(1);
  });
});
