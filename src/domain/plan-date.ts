import type { PlanDate } from "./action.ts";
import { quarterEnd } from "./calendar.ts";
import { addDays, type IsoDate, lastDayOfMonth, toIsoDate } from "./iso-date.ts";
import { periodNamed, seasonEnd, termEnd } from "./terms-and-seasons.ts";

/**
 * A cell read. `warning` is set when the cell holds words but no date: the action is still
 * stored (with no due date, the words kept), and the import lists the cell for someone to fix.
 */
export type PlanDateResult =
  | { ok: true; value: PlanDate; warning?: string }
  | { ok: false; reason: string };

/**
 * What one date expression in a cell means: a day, "to be confirmed", a recurring activity
 * ("Ongoing", "Termly": no single due date), or a mistake to explain.
 */
type Reading = { date: IsoDate } | { tbc: true } | { recurring: true } | { error: string };
type Found = { start: number; end: number; reading: Reading };
type Pattern = { regex: RegExp; read: (match: RegExpMatchArray) => Reading | null };

const HOW_TO_WRITE = "write it day first, like 30/09/2022, or as a month, like September 2022";

function quote(text: string): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return `"${flat.length > 60 ? `${flat.slice(0, 59)}…` : flat}"`;
}

const notADate = (fragment: string): Reading => ({
  error: `${quote(fragment)} is not a date: ${HOW_TO_WRITE}`,
});

/** Two-digit years mean 20xx; four-digit years before 1900 are typing slips. */
function readYear(text = ""): number | null {
  const digits = text.replace(/\D/g, "");
  if (digits.length === 2) return 2000 + Number(digits);
  const year = Number(digits);
  return digits.length === 4 && year >= 1900 ? year : null;
}

const MONTH_PREFIXES = [
  "jan",
  "feb",
  "mar",
  "apr",
  "may",
  "jun",
  "jul",
  "aug",
  "sep",
  "oct",
  "nov",
  "dec",
];
const monthNumber = (name = ""): number =>
  MONTH_PREFIXES.indexOf(name.slice(0, 3).toLowerCase()) + 1;

function day(
  year: string | undefined,
  month: number,
  dayOfMonth: string | undefined,
  fragment: string,
): Reading {
  const y = readYear(year);
  const d = Number(dayOfMonth);
  if (y === null || month < 1 || month > 12 || d < 1 || d > lastDayOfMonth(y, month)) {
    return notADate(fragment);
  }
  return { date: toIsoDate(y, month, d) };
}

/** A month alone means its last day: "September 2022" is due by 30 September 2022. */
function monthEnd(year: string | undefined, month: number, fragment: string): Reading {
  const y = readYear(year);
  if (y === null || month < 1 || month > 12) return notADate(fragment);
  return { date: toIsoDate(y, month, lastDayOfMonth(y, month)) };
}

/** The year a financial year such as 2022/23 starts in, or null when the two years don't follow on. */
function financialYearStart(first = "", second = ""): number | null {
  const start = readYear(first);
  if (start === null) return null;
  const end = Number(second);
  const follows = second.length === 2 ? (start + 1) % 100 === end : end === start + 1;
  return follows ? start : null;
}

function quarterOfFinancialYear(
  n: string | undefined,
  first: string | undefined,
  second: string | undefined,
  fragment: string,
): Reading {
  const start = financialYearStart(first, second);
  if (start === null) {
    return {
      error: `${quote(fragment)} is not a quarter: write it with its financial year, like Q2 2022/23`,
    };
  }
  return { date: quarterEnd(`${start}-Q${n}`) };
}

/** "w/c 3 March 2025": the week that starts that day, due by its Friday (the working week's end). */
function weekCommencing(reading: Reading): Reading {
  if (!("date" in reading)) return reading;
  const weekday = new Date(`${reading.date}T00:00:00Z`).getUTCDay();
  return { date: addDays(reading.date, (5 - weekday + 7) % 7) };
}

/** "Autumn term 2025", "Spring term 2025/26" (academic year: Spring and Summer in its second year). */
function schoolTerm(
  word: string | undefined,
  first: string | undefined,
  second: string | undefined,
  fragment: string,
): Reading {
  const term = periodNamed(word ?? "");
  const start = readYear(first);
  if (term === null || term === "winter" || start === null) return notADate(fragment);
  if (second === undefined) return { date: termEnd(term, start) };
  if (financialYearStart(first, second) === null || first?.length !== 4) {
    return {
      error: `${quote(fragment)} is not a school year: write it like ${word} term ${start}/${String((start + 1) % 100).padStart(2, "0")}`,
    };
  }
  return { date: termEnd(term, term === "autumn" ? start : start + 1) };
}

/** "Summer 2025" is the season's last day; Winter needs both its years. */
function season(
  word: string | undefined,
  first: string | undefined,
  second: string | undefined,
  fragment: string,
): Reading {
  const period = periodNamed(word ?? "");
  const year = readYear(first);
  if (period === null || year === null) return notADate(fragment);
  const nextYear = String((year + 1) % 100).padStart(2, "0");
  if (period === "winter") {
    if (second !== undefined && financialYearStart(first, second) !== null)
      return { date: seasonEnd("winter", year) };
    return {
      error: `${quote(fragment)} could be the start or the end of a winter: write it like Winter ${year}/${nextYear}, or as a month, like February ${year + 1}`,
    };
  }
  if (second !== undefined) {
    return {
      error: `${quote(fragment)} could mean either year: write it like ${word} ${year + 1}, or as a month`,
    };
  }
  return { date: seasonEnd(period, year) };
}

const re = (source: string): RegExp => new RegExp(source, "gi");
const MONTH = String.raw`(?<![a-z])(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?(?![a-z])`;
const YEAR = String.raw`['’]?(\d{4}|\d{2})(?![0-9a-z])`;
const DAY = String.raw`(?<![0-9])(\d{1,2})(?:st|nd|rd|th)?`;
const QUARTER = String.raw`(?<![a-z0-9])(?:q|quarter\s*)([1-4])`;
const FINANCIAL_YEAR = String.raw`(?:fy\s*)?(\d{4}|\d{2})\s*[/-]\s*(\d{4}|\d{2})`;
const WEEK_COMMENCING = String.raw`(?<![a-z])(?:w\s*/\s*[cb]|w\.[cb]\.?|wc|week\s+(?:commencing|beginning|starting))[\s:.,-]*(?:(?:mon|monday)[\s,]*)?`;
const SPLIT_YEAR = String.raw`['’]?(\d{4}|\d{2})(?:\s*[/-]\s*(\d{4}|\d{2}))?(?![0-9a-z])`;
/**
 * Words that say an action recurs or never ends: no single due date, kept as written (the
 * Rutland storyboards mark work "(ongoing)"; its plans audit "monthly" and review "annually").
 */
const RECURRING = String.raw`(?<![a-z])(?:on-?\s?going(?:\s+throughout(?:\s+the\s+year)?)?|continuous(?:ly)?|continual(?:ly)?|annually|yearly|(?:half[\s-]*)?termly|quarterly|(?:bi|six)[\s-]*monthly|monthly|fortnightly|weekly|business\s+as\s+usual|bau|rolling(?:\s+programme)?|(?:every|each)\s+(?:half[\s-]term|term|quarter|month|year|week|fortnight))(?![a-z])`;

/**
 * Every way a council writes a date that the product reads. Where two overlap, the longer wins
 * ("30 September 2022" is one day, not a day and a month); on a tie, the earlier in this list.
 */
const PATTERNS: Pattern[] = [
  {
    regex: re(String.raw`${WEEK_COMMENCING}(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})(?![0-9])`),
    read: (m) => weekCommencing(day(m[3], Number(m[2]), m[1], m[0])),
  },
  {
    regex: re(String.raw`${WEEK_COMMENCING}${DAY}[\s-]*(?:of[\s-]+)?${MONTH}[\s,-]*${YEAR}`),
    read: (m) => weekCommencing(day(m[3], monthNumber(m[2]), m[1], m[0])),
  },
  {
    regex: re(String.raw`(?<![a-z])(autumn|spring|summer)\s+term[\s,]*(?:of\s+)?${SPLIT_YEAR}`),
    read: (m) => schoolTerm(m[1], m[2], m[3], m[0]),
  },
  {
    regex: re(
      String.raw`(?<![a-z])(spring|summer|autumn|fall|winter)[\s,]*(?:of\s+)?${SPLIT_YEAR}`,
    ),
    read: (m) => season(m[1], m[2], m[3], m[0]),
  },
  {
    regex: re(RECURRING),
    read: () => ({ recurring: true }),
  },
  {
    regex: re(String.raw`(?<![0-9])(\d{4})-(\d{1,2})-(\d{1,2})(?![0-9])`),
    read: (m) => day(m[1], Number(m[2]), m[3], m[0]),
  },
  {
    // Always day first, as councils in England write: 30/09/2022, 30.09.2022, 30-09-2022, 30/9/22.
    regex: re(String.raw`(?<![0-9])(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})(?![0-9])`),
    read: (m) => day(m[3], Number(m[2]), m[1], m[0]),
  },
  {
    regex: re(String.raw`${DAY}[\s-]*(?:of[\s-]+)?${MONTH}[\s,-]*${YEAR}`),
    read: (m) => day(m[3], monthNumber(m[2]), m[1], m[0]),
  },
  {
    regex: re(String.raw`${MONTH}\s*(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})(?![0-9a-z])`),
    read: (m) => day(m[3], monthNumber(m[1]), m[2], m[0]),
  },
  {
    regex: re(String.raw`${MONTH}[\s,/\-–—]*${YEAR}`),
    read: (m) => monthEnd(m[2], monthNumber(m[1]), m[0]),
  },
  {
    regex: re(String.raw`(?<![0-9/.-])(\d{1,2})[/.-](\d{4})(?![0-9])`),
    read: (m) => monthEnd(m[2], Number(m[1]), m[0]),
  },
  {
    regex: re(String.raw`${QUARTER}[\s,]*(?:of\s+)?${FINANCIAL_YEAR}(?![0-9a-z])`),
    read: (m) => quarterOfFinancialYear(m[1], m[2], m[3], m[0]),
  },
  {
    regex: re(String.raw`(?<![0-9])${FINANCIAL_YEAR}[\s,]*${QUARTER}(?![0-9a-z])`),
    read: (m) => quarterOfFinancialYear(m[3], m[1], m[2], m[0]),
  },
  {
    // The product's own spelling, 2026-Q3.
    regex: re(String.raw`(?<![0-9])(\d{4})\s*-\s*q([1-4])(?![0-9a-z])`),
    read: (m) =>
      quarterOfFinancialYear(m[2], m[1], String((Number(m[1]) + 1) % 100).padStart(2, "0"), m[0]),
  },
  {
    // "Q3 2026" could be a calendar or a financial quarter; ask rather than guess.
    regex: re(String.raw`${QUARTER}[\s,]*(\d{4})(?![0-9a-z])`),
    read: (m) => {
      const next = String((Number(m[2]) + 1) % 100).padStart(2, "0");
      return {
        error: `${quote(m[0])} could mean two different quarters: write it with its financial year, like Q${m[1]} ${m[2]}/${next}`,
      };
    },
  },
  {
    // A financial year alone, 2022/23, ends on 31 March 2023.
    regex: re(`(?<![0-9/.-])${FINANCIAL_YEAR}(?![0-9a-z/.-])`),
    read: (m) => {
      const start = financialYearStart(m[1], m[2]);
      return start === null || m[1]?.length !== 4 ? null : { date: toIsoDate(start + 1, 3, 31) };
    },
  },
  {
    regex: re(
      String.raw`(?<![a-z])(?:tbc|tba|tbd|t\.b\.c\.?|to be (?:confirmed|agreed|decided|determined|announced))(?![a-z])`,
    ),
    read: () => ({ tbc: true }),
  },
];

/** Numbers left over once the dates are read are usually a date mistyped; say so rather than drop them. */
const LEFTOVER_MISTAKES: Pattern[] = [
  {
    regex: re(String.raw`(?<![0-9])\d{1,4}(?:[/.-]\d{1,4}){1,2}(?![0-9])`),
    read: (m) => notADate(m[0]),
  },
  {
    regex: re(String.raw`(?<![0-9])(?:19|20)\d{2}(?![0-9])`),
    read: (m) => ({
      error: `${quote(m[0])} needs a month: write it like March ${m[0]}, or as a day like 31/03/${m[0]}`,
    }),
  },
];

function matches(text: string, patterns: Pattern[]): Found[] {
  const found: Found[] = [];
  for (const { regex, read } of patterns) {
    for (const match of text.matchAll(regex)) {
      const reading = read(match);
      const start = match.index ?? 0;
      if (reading) found.push({ start, end: start + match[0].length, reading });
    }
  }
  return found.sort((a, b) => a.start - b.start || b.end - b.start - (a.end - a.start));
}

function readAll(text: string): Found[] {
  const chosen: Found[] = [];
  let reached = 0;
  for (const candidate of matches(text, PATTERNS)) {
    if (candidate.start < reached) continue;
    chosen.push(candidate);
    reached = candidate.end;
  }
  let leftover = text;
  for (const { start, end } of chosen) {
    leftover = leftover.slice(0, start) + " ".repeat(end - start) + leftover.slice(end);
  }
  return [...chosen, ...matches(leftover, LEFTOVER_MISTAKES)].sort((a, b) => a.start - b.start);
}

/**
 * Reads a Completion Date cell as councils write it. Several dates are milestones, in the cell's
 * order, and the last is the due date; a month alone means its last day; TBC is kept as "no date".
 * Never throws: anything it cannot read comes back with a reason that names the fix.
 */
export function readPlanDate(text: string): PlanDateResult {
  const cell = text.trim();
  if (cell === "")
    return { ok: true, value: { text: cell, due: null, tbc: false, milestones: [] } };
  const found = readAll(cell);
  for (const { reading } of found) {
    if ("error" in reading) return { ok: false, reason: reading.error };
  }
  const last = found.at(-1);
  if (!last) {
    // Words instead of a date ("Board to agree the target date in January") must not cost the
    // council its action: it is stored with no due date and the words, and listed to fix.
    return {
      ok: true,
      value: { text: cell, due: null, tbc: false, milestones: [] },
      warning: `${quote(cell)} has no date in it, so the action has no due date: write a date like 30/09/2022, a month like September 2022, Ongoing or TBC`,
    };
  }
  const milestones = found.flatMap(({ reading }) => ("date" in reading ? [reading.date] : []));
  const tbc = "tbc" in last.reading;
  // "Ongoing" and its kin last in the cell: no single due date, the words shown as written.
  const noSingleDate = tbc || "recurring" in last.reading;
  return {
    ok: true,
    value: { text: cell, due: noSingleDate ? null : (milestones.at(-1) ?? null), tbc, milestones },
  };
}
