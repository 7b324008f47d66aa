import type { IsoDate } from "./iso-date.ts";

/**
 * England and Wales bank holidays, 2020–2030, as GOV.UK publishes them: substitute days when a
 * holiday falls at a weekend, and the one-off days (VE Day 75 moving the early May holiday in 2020,
 * the Platinum Jubilee, the State Funeral, the Coronation). Listed rather than computed, because the
 * one-off days cannot be computed and a list is easy to check against GOV.UK. Extend it when GOV.UK
 * announces later years; dates outside the list are treated as ordinary days.
 */
export const BANK_HOLIDAYS: readonly IsoDate[] = Object.freeze([
  // 2020
  "2020-01-01",
  "2020-04-10", // Good Friday
  "2020-04-13", // Easter Monday
  "2020-05-08", // Early May, moved to VE Day
  "2020-05-25",
  "2020-08-31",
  "2020-12-25",
  "2020-12-28", // Boxing Day (substitute)
  // 2021
  "2021-01-01",
  "2021-04-02",
  "2021-04-05",
  "2021-05-03",
  "2021-05-31",
  "2021-08-30",
  "2021-12-27", // Christmas Day (substitute)
  "2021-12-28", // Boxing Day (substitute)
  // 2022
  "2022-01-03", // New Year's Day (substitute)
  "2022-04-15",
  "2022-04-18",
  "2022-05-02",
  "2022-06-02", // Spring bank holiday, moved for the Platinum Jubilee
  "2022-06-03", // Platinum Jubilee
  "2022-08-29",
  "2022-09-19", // State Funeral of Queen Elizabeth II
  "2022-12-26",
  "2022-12-27", // Christmas Day (substitute)
  // 2023
  "2023-01-02", // New Year's Day (substitute)
  "2023-04-07",
  "2023-04-10",
  "2023-05-01",
  "2023-05-08", // Coronation of King Charles III
  "2023-05-29",
  "2023-08-28",
  "2023-12-25",
  "2023-12-26",
  // 2024
  "2024-01-01",
  "2024-03-29",
  "2024-04-01",
  "2024-05-06",
  "2024-05-27",
  "2024-08-26",
  "2024-12-25",
  "2024-12-26",
  // 2025
  "2025-01-01",
  "2025-04-18",
  "2025-04-21",
  "2025-05-05",
  "2025-05-26",
  "2025-08-25",
  "2025-12-25",
  "2025-12-26",
  // 2026
  "2026-01-01",
  "2026-04-03",
  "2026-04-06",
  "2026-05-04",
  "2026-05-25",
  "2026-08-31",
  "2026-12-25",
  "2026-12-28", // Boxing Day (substitute)
  // 2027
  "2027-01-01",
  "2027-03-26",
  "2027-03-29",
  "2027-05-03",
  "2027-05-31",
  "2027-08-30",
  "2027-12-27", // Christmas Day (substitute)
  "2027-12-28", // Boxing Day (substitute)
  // 2028
  "2028-01-03", // New Year's Day (substitute)
  "2028-04-14",
  "2028-04-17",
  "2028-05-01",
  "2028-05-29",
  "2028-08-28",
  "2028-12-25",
  "2028-12-26",
  // 2029
  "2029-01-01",
  "2029-03-30",
  "2029-04-02",
  "2029-05-07",
  "2029-05-28",
  "2029-08-27",
  "2029-12-25",
  "2029-12-26",
  // 2030
  "2030-01-01",
  "2030-04-19",
  "2030-04-22",
  "2030-05-06",
  "2030-05-27",
  "2030-08-26",
  "2030-12-25",
  "2030-12-26",
]);

const BANK_HOLIDAY_SET: ReadonlySet<IsoDate> = new Set(BANK_HOLIDAYS);

export function isBankHoliday(iso: IsoDate): boolean {
  return BANK_HOLIDAY_SET.has(iso);
}
