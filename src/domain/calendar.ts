import { DomainError } from "./errors.ts";
import { type IsoDate, MONTH_NAMES, toIsoDate } from "./iso-date.ts";
import type { Quarter } from "./quarter.ts";
import { addWorkingDays, lastWorkingDayOnOrBefore } from "./working-days.ts";

/**
 * UK financial-year quarters: `2026-Q1` is April–June 2026 and `2026-Q4` is January–March 2027,
 * because the year named is the one the financial year starts in.
 */
type QuarterParts = { year: number; n: 1 | 2 | 3 | 4 };

function parts(q: Quarter): QuarterParts {
  const match = /^(\d{4})-Q([1-4])$/.exec(q);
  if (!match) {
    throw new DomainError(
      "invalid_input",
      `"${q}" is not a quarter: write it like 2026-Q3 (October to December 2026)`,
    );
  }
  return { year: Number(match[1]), n: Number(match[2]) as QuarterParts["n"] };
}

const format = ({ year, n }: QuarterParts): Quarter => `${year}-Q${n}`;

/** The calendar month (1–12) each quarter starts in; Q4's months fall in the next calendar year. */
const FIRST_MONTH = { 1: 4, 2: 7, 3: 10, 4: 1 } as const;

export function quarterOf(iso: IsoDate): Quarter {
  const [year, month] = iso.split("-").map(Number) as [number, number];
  if (month <= 3) return format({ year: year - 1, n: 4 });
  return format({ year, n: (Math.floor((month - 4) / 3) + 1) as QuarterParts["n"] });
}

export function quarterStart(q: Quarter): IsoDate {
  const { year, n } = parts(q);
  return toIsoDate(n === 4 ? year + 1 : year, FIRST_MONTH[n], 1);
}

export function quarterEnd(q: Quarter): IsoDate {
  const { year, n } = parts(q);
  const lastMonth = FIRST_MONTH[n] + 2;
  const lastDay = lastMonth === 6 || lastMonth === 9 ? 30 : 31;
  return toIsoDate(n === 4 ? year + 1 : year, lastMonth, lastDay);
}

export function nextQuarter(q: Quarter): Quarter {
  const { year, n } = parts(q);
  return n === 4
    ? format({ year: year + 1, n: 1 })
    : format({ year, n: (n + 1) as QuarterParts["n"] });
}

export function previousQuarter(q: Quarter): Quarter {
  const { year, n } = parts(q);
  return n === 1
    ? format({ year: year - 1, n: 4 })
    : format({ year, n: (n - 1) as QuarterParts["n"] });
}

/** A quarter's review falls on its last working day unless an admin sets another date. */
export function defaultReviewDate(q: Quarter): IsoDate {
  return lastWorkingDayOnOrBefore(quarterEnd(q));
}

/** The three reminder rounds before a review: opening, a chase, and a final nudge. */
export function reviewRoundDates(reviewDate: IsoDate): RoundDates {
  // Asked on every question (which quarter "this review" is), so worked out once per date.
  let dates = roundDatesByReview.get(reviewDate);
  if (!dates) {
    dates = Object.freeze({
      open: addWorkingDays(reviewDate, -14),
      chase: addWorkingDays(reviewDate, -7),
      final: addWorkingDays(reviewDate, -2),
    });
    if (roundDatesByReview.size >= 1_000) roundDatesByReview.clear();
    roundDatesByReview.set(reviewDate, dates);
  }
  return dates;
}

type RoundDates = Readonly<{ open: IsoDate; chase: IsoDate; final: IsoDate }>;
const roundDatesByReview = new Map<IsoDate, RoundDates>();

/** `2026-Q3` → "October to December 2026 (2026-Q3)". */
export function quarterLabel(q: Quarter): string {
  const { year, n } = parts(q);
  const first = FIRST_MONTH[n];
  const calendarYear = n === 4 ? year + 1 : year;
  return `${MONTH_NAMES[first - 1]} to ${MONTH_NAMES[first + 1]} ${calendarYear} (${q})`;
}

/**
 * Today's date where the reviews happen (REVIEW_TIMEZONE): just after midnight in London is still
 * the previous day in UTC, and a reminder must not go out a day early or late.
 */
export function todayIn(timeZone: string, now: Date): IsoDate {
  let formatter: Intl.DateTimeFormat;
  try {
    formatter = new Intl.DateTimeFormat("en-GB", {
      timeZone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
    });
  } catch {
    throw new DomainError(
      "config",
      `REVIEW_TIMEZONE "${timeZone}" is not a time zone: use a name such as Europe/London`,
    );
  }
  const byType = new Map(formatter.formatToParts(now).map((part) => [part.type, part.value]));
  return toIsoDate(
    Number(byType.get("year")),
    Number(byType.get("month")),
    Number(byType.get("day")),
  );
}
