import { addDays, type IsoDate, lastDayOfMonth, toIsoDate } from "../iso-date.ts";
import type { Quarter } from "../quarter.ts";

/**
 * The few calendar sums the question parser needs, kept here so the parser stands alone.
 * Quarters are UK financial-year quarters: 2026-Q1 = April–June 2026, 2026-Q4 = January–March 2027.
 */

export type DateRange = { from: IsoDate; to: IsoDate };

export function parts(iso: IsoDate): { year: number; month: number; day: number } {
  const [year, month, day] = iso.split("-").map(Number) as [number, number, number];
  return { year, month, day };
}

export function monthRange(year: number, month: number): DateRange {
  return {
    from: toIsoDate(year, month, 1),
    to: toIsoDate(year, month, lastDayOfMonth(year, month)),
  };
}

export function quarterContaining(iso: IsoDate): Quarter {
  const { year, month } = parts(iso);
  const fiscalYear = month >= 4 ? year : year - 1;
  const index = month >= 4 ? Math.floor((month - 4) / 3) + 1 : 4;
  return `${fiscalYear}-Q${index}`;
}

export function quarterRange(quarter: Quarter): DateRange {
  const [fiscalYear, index] = quarter.split("-Q").map(Number) as [number, number];
  const firstMonth = index === 4 ? 1 : 4 + (index - 1) * 3;
  const year = index === 4 ? fiscalYear + 1 : fiscalYear;
  return {
    from: toIsoDate(year, firstMonth, 1),
    to: toIsoDate(year, firstMonth + 2, lastDayOfMonth(year, firstMonth + 2)),
  };
}

export function shiftQuarter(quarter: Quarter, by: number): Quarter {
  const [fiscalYear, index] = quarter.split("-Q").map(Number) as [number, number];
  const ordinal = fiscalYear * 4 + (index - 1) + by;
  return `${Math.floor(ordinal / 4)}-Q${(ordinal % 4) + 1}`;
}

/** The next `month`/`day` on or after `today` (31 March asked in November is next year's). */
export function nextOccurrence(today: IsoDate, month: number, day: number): IsoDate {
  const { year } = parts(today);
  const thisYear = toIsoDate(year, month, Math.min(day, lastDayOfMonth(year, month)));
  if (thisYear >= today) return thisYear;
  return toIsoDate(year + 1, month, Math.min(day, lastDayOfMonth(year + 1, month)));
}

/** The latest `month`/`day` on or before `today` ("since 1 October" asked in November). */
export function previousOccurrence(today: IsoDate, month: number, day: number): IsoDate {
  const { year } = parts(today);
  const thisYear = toIsoDate(year, month, Math.min(day, lastDayOfMonth(year, month)));
  if (thisYear <= today) return thisYear;
  return toIsoDate(year - 1, month, Math.min(day, lastDayOfMonth(year - 1, month)));
}

export const dayBefore = (iso: IsoDate): IsoDate => addDays(iso, -1);
