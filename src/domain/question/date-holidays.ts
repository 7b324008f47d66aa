import type { IsoDate } from "../iso-date.ts";
import { toIsoDate } from "../iso-date.ts";
import { type Period, periodNamed, seasonEnd, termEnd } from "../terms-and-seasons.ts";
import { parts } from "./fiscal-calendar.ts";
import type { Token } from "./tokens.ts";

/**
 * The calendar words managers use for deadlines, read by one stated rule (README, "Asking
 * questions"):
 * - Christmas / Xmas is 25 December and New Year is 1 January: days, so "before Christmas" ends
 *   on the 24th and "by Christmas" on the 25th.
 * - Easter is Easter Sunday of that year (it moves, so it is worked out, not fixed).
 * - A season or term is read as a plan cell is read (src/domain/terms-and-seasons.ts): "Summer"
 *   is the season's last day (31 August), "Summer term" the term's (31 July), and "end of term"
 *   the end of the school term we are in. Winter spans two years and half terms differ by
 *   school, so neither is guessed.
 * Without a year, "by" means the next one and "since" the last one, as for months.
 */
export type HolidayReading = { kind: "day" | "end"; date: IsoDate; next: number };

export function readHoliday(
  tokens: Token[],
  i: number,
  today: IsoDate,
  direction: "future" | "past",
): HolidayReading | null {
  const word = tokens[i]?.text ?? "";
  const pick = (dateIn: (year: number) => IsoDate, kind: "day" | "end", next: number) => {
    const year = yearAt(tokens, next);
    if (year) return { kind, date: dateIn(year), next: next + 1 };
    return { kind, date: nearest(today, dateIn, direction), next };
  };
  if (word === "christmas" || word === "xmas") {
    const next = tokens[i + 1]?.text === "day" ? i + 2 : i + 1;
    return pick((year) => toIsoDate(year, 12, 25), "day", next);
  }
  if (word === "new" && (tokens[i + 1]?.text === "year" || tokens[i + 1]?.text === "years")) {
    const next = tokens[i + 2]?.text === "day" ? i + 3 : i + 2;
    return pick((year) => toIsoDate(year, 1, 1), "day", next);
  }
  if (word === "easter") {
    const next = tokens[i + 1]?.text === "sunday" ? i + 2 : i + 1;
    return pick(easterSunday, "day", next);
  }
  if (word === "end" && tokens[i + 1]?.text === "of") {
    const j = tokens[i + 2]?.text === "the" || tokens[i + 2]?.text === "this" ? i + 3 : i + 2;
    if (tokens[j]?.text === "term") return { kind: "end", date: termEndAfter(today), next: j + 1 };
    const period = schoolPeriod(tokens[j]?.text);
    if (period && tokens[j + 1]?.text === "term")
      return pick((year) => termEnd(period, year), "end", j + 2);
    return null;
  }
  const period = schoolPeriod(word);
  if (!period) return null;
  if (tokens[i + 1]?.text === "term") return pick((year) => termEnd(period, year), "end", i + 2);
  return pick((year) => seasonEnd(period, year), "end", i + 1);
}

/** Only the season's full word: "sum" or "spr" in a question are more likely other words. */
function schoolPeriod(word: string | undefined): Exclude<Period, "winter"> | null {
  if (word !== "spring" && word !== "summer" && word !== "autumn") return null;
  return periodNamed(word) as Exclude<Period, "winter">;
}

/** The end of the school term that today falls in (Autumn to 31 Dec, Spring to 31 Mar, Summer to 31 Jul). */
function termEndAfter(today: IsoDate): IsoDate {
  const { year, month } = parts(today);
  if (month >= 9) return termEnd("autumn", year);
  if (month <= 3) return termEnd("spring", year);
  if (month <= 7) return termEnd("summer", year);
  return termEnd("autumn", year);
}

function nearest(
  today: IsoDate,
  dateIn: (year: number) => IsoDate,
  direction: "future" | "past",
): IsoDate {
  const { year } = parts(today);
  const thisYear = dateIn(year);
  if (direction === "future") return thisYear >= today ? thisYear : dateIn(year + 1);
  return thisYear <= today ? thisYear : dateIn(year - 1);
}

/** Easter Sunday in the Gregorian calendar (the anonymous Gregorian algorithm). */
export function easterSunday(year: number): IsoDate {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return toIsoDate(year, month, day);
}

function yearAt(tokens: Token[], j: number): number | null {
  const token = tokens[j];
  if (token?.kind !== "number" || token.text.length !== 4) return null;
  const year = Number(token.text);
  return year >= 1990 && year <= 2100 ? year : null;
}
