import { describe, expect, it } from "vitest";
import {
  addWorkingDays,
  isWorkingDay,
  lastWorkingDayOnOrBefore,
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
