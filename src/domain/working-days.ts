import { isBankHoliday } from "./bank-holidays.ts";
import { addDays, type IsoDate } from "./iso-date.ts";

/** 0 = Sunday … 6 = Saturday, for a calendar date (no time zone involved). */
function dayOfWeek(iso: IsoDate): number {
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
}

/** Monday to Friday and not an England and Wales bank holiday. */
export function isWorkingDay(iso: IsoDate): boolean {
  const day = dayOfWeek(iso);
  return day !== 0 && day !== 6 && !isBankHoliday(iso);
}

/**
 * The date `n` working days after `iso` (before it when `n` is negative). The start day itself is
 * never counted, so "T-2 working days" from a Monday is the previous Thursday. `n = 0` gives `iso`.
 */
export function addWorkingDays(iso: IsoDate, n: number): IsoDate {
  const step = n < 0 ? -1 : 1;
  let remaining = Math.abs(Math.trunc(n));
  let date = iso;
  while (remaining > 0) {
    date = addDays(date, step);
    if (isWorkingDay(date)) remaining -= 1;
  }
  return date;
}

/** `iso` when it is a working day, otherwise the working day before it. */
export function lastWorkingDayOnOrBefore(iso: IsoDate): IsoDate {
  let date = iso;
  while (!isWorkingDay(date)) date = addDays(date, -1);
  return date;
}

/**
 * How long something has waited, in working days: those after `from` up to and including `to`, so
 * sent on a Monday it has waited 5 by the next Monday, and sent on a Friday 1 by the Monday after.
 * 0 when `to` is not later. Weekends and bank holidays are not counted, whichever end they fall on.
 */
export function workingDaysBetween(from: IsoDate, to: IsoDate): number {
  let count = 0;
  for (let day = addDays(from, 1); day <= to; day = addDays(day, 1)) {
    if (isWorkingDay(day)) count += 1;
  }
  return count;
}
