import type { PlanDate } from "../domain/action.ts";
import { quarterOf, quarterStart } from "../domain/calendar.ts";
import { type IsoDate, lastDayOfMonth, toIsoDate } from "../domain/iso-date.ts";
import { readPlanDate } from "../domain/plan-date.ts";

/**
 * Moving a plan forward by whole years, so an old sample plan (Rutland's runs 2022–2023) reads as
 * a plan under way today. Pure: the caller says what "today" is.
 */

const MONTH = String.raw`(?<![a-z])(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?(?![a-z])`;
const MONTH_NUMBER: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};

/** A year as written ("2022" or "22"), moved on by `years` and written the same way. */
function shiftYearText(year: string, years: number): string {
  if (year.length === 2) return String((Number(year) + years) % 100).padStart(2, "0");
  return String(Number(year) + years);
}

const fullYear = (year: string) => (year.length === 2 ? 2000 + Number(year) : Number(year));

/** 29 February moved to a year that has none becomes the 28th: still a real day in that month. */
function fitDay(day: string, month: number, year: string): string {
  if (month < 1 || month > 12) return day;
  const last = lastDayOfMonth(fullYear(year), month);
  return Number(day) > last ? String(last).padStart(day.length, "0") : day;
}

type Rewrite = (m: string[], years: number) => string;

/** Date expressions in the forms councils write (see domain/plan-date.ts), earliest listed wins a tie. */
const DATE_FORMS: Array<{ source: string; rewrite: Rewrite }> = [
  {
    // ISO: 2022-09-30
    source: String.raw`(?<![0-9])(\d{4})-(\d{1,2})-(\d{1,2})(?![0-9])`,
    rewrite: ([, y = "", m = "", d = ""], n) => {
      const year = shiftYearText(y, n);
      return `${year}-${m}-${fitDay(d, Number(m), year)}`;
    },
  },
  {
    // Day first: 30/09/2022, 30.09.22, 30-9-2022
    source: String.raw`(?<![0-9])(\d{1,2})([/.-])(\d{1,2})([/.-])(\d{4}|\d{2})(?![0-9])`,
    rewrite: ([, d = "", s1, m = "", s2, y = ""], n) => {
      const year = shiftYearText(y, n);
      return `${fitDay(d, Number(m), year)}${s1}${m}${s2}${year}`;
    },
  },
  {
    // Month and year in figures: 09/2022
    source: String.raw`(?<![0-9/.-])(\d{1,2})([/.-])(\d{4})(?![0-9/.-])`,
    rewrite: ([whole = "", m = "", sep, y = ""], n) =>
      Number(m) >= 1 && Number(m) <= 12 ? `${m}${sep}${shiftYearText(y, n)}` : whole,
  },
  {
    // A financial year: 2022/23, 2022-2023, FY22/23, Q2 22/23 (when the second year follows the first).
    source: String.raw`(?<![0-9a-z/.-])((?:fy\s*|(?:q|quarter\s*)[1-4][\s,]*(?:of\s+)?)?)(\d{4}|\d{2})(\s*[/-]\s*)(\d{4}|\d{2})(?![0-9/.-])`,
    rewrite: ([whole = "", prefix = "", a = "", sep, b = ""], n) => {
      const follows = (fullYear(a) + 1) % 100 === fullYear(b) % 100;
      // "12-13" alone is more likely pages than a year: two-figure years need FY or a quarter.
      if (!follows || (prefix === "" && a.length === 2)) return whole;
      return `${prefix}${shiftYearText(a, n)}${sep}${shiftYearText(b, n)}`;
    },
  },
  {
    // Day, month name, year: 30 September 2022, 1st of Sept 22
    source: String.raw`(?<![0-9])(\d{1,2})((?:st|nd|rd|th)?[\s-]*(?:of[\s-]+)?)(${MONTH})([\s,-]*['’]?)(\d{4}|\d{2})(?![0-9a-z])`,
    rewrite: ([, d = "", mid, month = "", sep, y = ""], n) => {
      const year = shiftYearText(y, n);
      const number = MONTH_NUMBER[month.slice(0, 3).toLowerCase()] ?? 0;
      return `${fitDay(d, number, year)}${mid}${month}${sep}${year}`;
    },
  },
  {
    // Month name and year: September 2022, Sept 22, Sep-22, March '23
    source: String.raw`(${MONTH})([\s,/\-–—]*['’]?)(\d{4}|\d{2})(?![0-9a-z])`,
    rewrite: ([, month, sep, y = ""], n) => `${month}${sep}${shiftYearText(y, n)}`,
  },
];

/** A year on its own (1990–2099), as in "Q3 2022" or "2026-Q3"; only in cells that hold dates. */
const BARE_YEAR = {
  source: String.raw`(?<![0-9])((?:19|20)\d{2})(?![0-9])`,
  rewrite: ((m, n) => shiftYearText(m[1] ?? "", n)) as Rewrite,
};

function shiftMatching(text: string, years: number, forms: typeof DATE_FORMS): string {
  const pattern = new RegExp(forms.map((f) => `(${f.source})`).join("|"), "gi");
  // Each form's own groups follow its wrapping group; count them to hand each rewrite its match.
  const groupCounts = forms.map((f) => new RegExp(`${f.source}|`).exec("")?.length ?? 1);
  return text.replace(pattern, (...args: unknown[]) => {
    const groups = args.slice(1, 1 + groupCounts.reduce((a, b) => a + b, 0)) as (
      | string
      | undefined
    )[];
    let at = 0;
    for (const [i, form] of forms.entries()) {
      const count = groupCounts[i] ?? 1;
      if (groups[at] !== undefined) {
        return form.rewrite(groups.slice(at, at + count) as string[], years);
      }
      at += count;
    }
    return String(args[0]);
  });
}

/** Moves every date written in a Completion Date cell on by `years`, keeping how it was written. */
export function shiftDateCell(text: string, years: number): string {
  return years === 0 ? text : shiftMatching(text, years, [...DATE_FORMS, BARE_YEAR]);
}

/**
 * Moves the dates in free text ("moves to September 2022") on by `years`. Bare years are left
 * alone here: in prose they are as likely to name an Act (Children Act 1989) as a deadline.
 */
export function shiftDatesInProse(text: string, years: number): string {
  return years === 0 ? text : shiftMatching(text, years, DATE_FORMS);
}

/** The same day `years` later; a month's last day stays its last day (28 → 29 February in a leap year). */
export function shiftIsoDate(date: IsoDate, years: number): IsoDate {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const year = y + years;
  const wasLastDay = d === lastDayOfMonth(y, m);
  const day = wasLastDay ? lastDayOfMonth(year, m) : Math.min(d, lastDayOfMonth(year, m));
  return toIsoDate(year, m, day);
}

/**
 * A completion date moved on by `years`: the text rewritten and read again the way an import reads
 * it, so the text and the due date always agree; when the rewritten text cannot be read, the
 * dates are moved directly.
 */
export function shiftPlanDate(date: PlanDate, years: number): PlanDate {
  if (years === 0) return date;
  const text = shiftDateCell(date.text, years);
  const read = readPlanDate(text);
  if (read.ok) return read.value;
  return {
    text,
    tbc: date.tbc,
    due: date.due ? shiftIsoDate(date.due, years) : null,
    milestones: date.milestones.map((d) => shiftIsoDate(d, years)),
  };
}

/**
 * The whole years that bring a plan's earliest due date to the current quarter or later, so the
 * plan runs from now: Rutland's first date, March 2022, on 23 November 2026 (quarter 2026-Q3)
 * needs 5 years (March 2027). Zero when the plan is already current, or has no dates.
 */
export function yearsToBringForward(earliestDue: IsoDate | null, today: IsoDate): number {
  if (!earliestDue) return 0;
  const from = quarterStart(quarterOf(today));
  let years = 0;
  while (shiftIsoDate(earliestDue, years) < from) years++;
  return years;
}

/** The earliest due date among the plan's actions, or null when none has a date. */
export function earliestDue(dates: ReadonlyArray<PlanDate>): IsoDate | null {
  // ISO dates sort as text.
  return dates.flatMap((d) => (d.due ? [d.due] : [])).sort()[0] ?? null;
}
