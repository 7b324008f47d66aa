import type { IsoDate } from "../iso-date.ts";
import { isRealDate, lastDayOfMonth, toIsoDate } from "../iso-date.ts";
import { readHoliday } from "./date-holidays.ts";
import {
  nextOccurrence,
  parts,
  previousOccurrence,
  quarterContaining,
  quarterRange,
  shiftQuarter,
} from "./fiscal-calendar.ts";
import type { Token } from "./tokens.ts";

/**
 * Reads one date as people write it after "by", "before" or "since": 31/12/2026, 31st December,
 * end of March, March 2027, end of the quarter. Without a year, "by" means the next such date
 * and "since" the last one.
 */
export type DateReading =
  | { kind: "day"; date: IsoDate }
  | { kind: "month"; from: IsoDate; to: IsoDate }
  /** An "end of …" date: the last day itself is included even after "before". */
  | { kind: "end"; date: IsoDate };

export type Direction = "future" | "past";

export const MONTH_NUMBERS: Record<string, number> = {
  jan: 1,
  january: 1,
  feb: 2,
  february: 2,
  mar: 3,
  march: 3,
  apr: 4,
  april: 4,
  may: 5,
  jun: 6,
  june: 6,
  jul: 7,
  july: 7,
  aug: 8,
  august: 8,
  sep: 9,
  sept: 9,
  september: 9,
  oct: 10,
  october: 10,
  nov: 11,
  november: 11,
  dec: 12,
  december: 12,
};

const ORDINAL_SUFFIXES = new Set(["st", "nd", "rd", "th"]);

export function readDate(
  tokens: Token[],
  start: number,
  today: IsoDate,
  direction: Direction,
): { reading: DateReading; length: number } | null {
  let i = start;
  if (tokens[i]?.text === "the") i++;
  const token = tokens[i];
  if (!token) return null;
  if (token.kind === "date") {
    const date = dayFirstDate(token.text);
    return date ? { reading: { kind: "day", date }, length: i + 1 - start } : null;
  }
  const holiday = readHoliday(tokens, i, today, direction);
  if (holiday) {
    return { reading: { kind: holiday.kind, date: holiday.date }, length: holiday.next - start };
  }
  const end = readEndOf(tokens, i, today);
  if (end) return { reading: end.reading, length: end.next - start };
  const named = readNamedDate(tokens, i, today, direction);
  return named ? { reading: named.reading, length: named.next - start } : null;
}

/** 31/12/2026, 31.12.26, 1-4-2027: day first, as councils write. */
export function dayFirstDate(text: string): IsoDate | null {
  const [day, month, year] = text.split(/[/.-]/).map(Number) as [number, number, number];
  const fullYear = year < 100 ? 2000 + year : year;
  const iso = toIsoDate(fullYear, month, day);
  return isRealDate(iso) ? iso : null;
}

/** "end of March [2027]", "end of the quarter", "end of next month", "end of the year". */
function readEndOf(
  tokens: Token[],
  i: number,
  today: IsoDate,
): { reading: DateReading; next: number } | null {
  if (tokens[i]?.text !== "end" || tokens[i + 1]?.text !== "of") return null;
  let j = i + 2;
  if (tokens[j]?.text === "the" || tokens[j]?.text === "this") j++;
  const next = tokens[j]?.text === "next";
  if (next) j++;
  const word = tokens[j]?.key;
  if (word === "quarter") {
    const quarter = shiftQuarter(quarterContaining(today), next ? 1 : 0);
    return { reading: { kind: "end", date: quarterRange(quarter).to }, next: j + 1 };
  }
  if (word === "month") {
    const { year, month } = parts(today);
    const [y, m] = next ? (month === 12 ? [year + 1, 1] : [year, month + 1]) : [year, month];
    return { reading: { kind: "end", date: toIsoDate(y, m, lastDayOfMonth(y, m)) }, next: j + 1 };
  }
  if (word === "financial" && tokens[j + 1]?.key === "year") j++;
  if (tokens[j]?.key === "year") {
    return { reading: { kind: "end", date: nextOccurrence(today, 3, 31) }, next: j + 1 };
  }
  const month = MONTH_NUMBERS[tokens[j]?.text ?? ""];
  if (!month || next) return null;
  const year = yearAt(tokens, j + 1);
  const date = year
    ? toIsoDate(year, month, lastDayOfMonth(year, month))
    : nextOccurrence(today, month, 31);
  return { reading: { kind: "end", date }, next: j + 1 + (year ? 1 : 0) };
}

/** "31st December [2026]", "31 of December", "December 31", "December [2026]". */
function readNamedDate(
  tokens: Token[],
  i: number,
  today: IsoDate,
  direction: Direction,
): { reading: DateReading; next: number } | null {
  let j = i;
  let day: number | null = null;
  if (tokens[j]?.kind === "number") {
    day = Number(tokens[j]?.text);
    j++;
    if (ORDINAL_SUFFIXES.has(tokens[j]?.text ?? "")) j++;
    if (tokens[j]?.text === "of") j++;
  }
  const month = MONTH_NUMBERS[tokens[j]?.text ?? ""];
  if (!month) return null;
  j++;
  if (day === null && tokens[j]?.kind === "number" && Number(tokens[j]?.text) <= 31) {
    day = Number(tokens[j]?.text);
    j++;
    if (ORDINAL_SUFFIXES.has(tokens[j]?.text ?? "")) j++;
  }
  const year = yearAt(tokens, j);
  if (year) j++;
  if (day !== null) {
    if (day < 1 || day > 31) return null;
    const date = year
      ? toIsoDate(year, month, day)
      : direction === "future"
        ? nextOccurrence(today, month, day)
        : previousOccurrence(today, month, day);
    return isRealDate(date) ? { reading: { kind: "day", date }, next: j } : null;
  }
  const resolvedYear =
    year ??
    parts(
      direction === "future"
        ? nextOccurrence(today, month, 31)
        : previousOccurrence(today, month, 1),
    ).year;
  return {
    reading: {
      kind: "month",
      from: toIsoDate(resolvedYear, month, 1),
      to: toIsoDate(resolvedYear, month, lastDayOfMonth(resolvedYear, month)),
    },
    next: j,
  };
}

function yearAt(tokens: Token[], j: number): number | null {
  const token = tokens[j];
  if (token?.kind !== "number" || token.text.length !== 4) return null;
  const year = Number(token.text);
  return year >= 1990 && year <= 2100 ? year : null;
}
