import { describe, expect, it } from "vitest";
import { BANK_HOLIDAYS, isBankHoliday } from "../../../src/domain/bank-holidays.ts";
import { isRealDate } from "../../../src/domain/iso-date.ts";

describe("England and Wales bank holidays", () => {
  it.each([
    ["2026-12-25", "Christmas Day 2026"],
    ["2026-12-28", "Boxing Day 2026 (substitute: 26th is a Saturday)"],
    ["2027-03-26", "Good Friday 2027"],
    ["2027-03-29", "Easter Monday 2027"],
    ["2030-04-19", "Good Friday 2030"],
    ["2022-06-02", "Spring bank holiday 2022 (moved)"],
    ["2022-06-03", "Platinum Jubilee"],
    ["2022-09-19", "State Funeral"],
    ["2023-05-08", "Coronation"],
    ["2020-05-08", "VE Day 75"],
    ["2022-01-03", "New Year's Day 2022 (substitute)"],
    ["2021-12-27", "Christmas Day 2021 (substitute)"],
  ])("includes %s, %s", (date) => {
    expect(isBankHoliday(date)).toBe(true);
  });

  it.each([
    ["2026-12-26", "a Saturday: its substitute is the holiday"],
    ["2022-05-30", "the last Monday of May 2022, moved to 2 June"],
    ["2020-05-04", "the first Monday of May 2020, moved to 8 May"],
    ["2026-12-24", "Christmas Eve"],
  ])("does not include %s, %s", (date) => {
    expect(isBankHoliday(date)).toBe(false);
  });

  it("lists real dates, sorted, without repeats, for every year 2020–2030", () => {
    expect(BANK_HOLIDAYS.every(isRealDate)).toBe(true);
    expect([...BANK_HOLIDAYS].sort()).toEqual(BANK_HOLIDAYS);
    expect(new Set(BANK_HOLIDAYS).size).toBe(BANK_HOLIDAYS.length);
    for (let year = 2020; year <= 2030; year += 1) {
      // Eight a year, plus the one-off days of 2020 (moved, not added), 2022 and 2023.
      const count = BANK_HOLIDAYS.filter((d) => d.startsWith(`${year}-`)).length;
      expect(count).toBe(year === 2022 ? 10 : year === 2023 ? 9 : 8);
    }
  });

  it("has no bank holiday at a weekend: substitute days take their place", () => {
    for (const date of BANK_HOLIDAYS) {
      const day = new Date(`${date}T00:00:00Z`).getUTCDay();
      expect([0, 6]).not.toContain(day);
    }
  });
});
