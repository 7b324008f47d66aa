import type { IsoDate } from "../iso-date.ts";
import { type DateReading, readDate } from "./date-words.ts";
import {
  dayBefore,
  monthRange,
  parts,
  quarterContaining,
  quarterRange,
  shiftQuarter,
} from "./fiscal-calendar.ts";
import { PhraseIndex } from "./phrase-index.ts";
import type { DateFilter } from "./query.ts";
import type { Term } from "./terms.ts";
import { phraseKeys, type Token } from "./tokens.ts";

/** "this quarter", "next month": the financial quarter or month around `today`. */
export function relativeDatePhrases(today: IsoDate): PhraseIndex {
  const quarter = quarterContaining(today);
  const { year, month } = parts(today);
  const [nextYear, nextMonth] = month === 12 ? [year + 1, 1] : [year, month + 1];
  const due = (from: IsoDate, to: IsoDate, period: DateFilterPeriod): Term => ({
    kind: "date",
    date: { kind: "dueBetween", from, to, period },
  });
  const dueIn = (y: number, m: number, period: DateFilterPeriod): Term => {
    const range = monthRange(y, m);
    return due(range.from, range.to, period);
  };
  const thisQuarter = quarterRange(quarter);
  const followingQuarter = quarterRange(shiftQuarter(quarter, 1));
  return new PhraseIndex()
    .add(
      "[due] [in|within|during] (this|current|the current) (quarter|qtr)",
      due(thisQuarter.from, thisQuarter.to, "this quarter"),
    )
    .add(
      "[due] [in|within|during] next (quarter|qtr)",
      due(followingQuarter.from, followingQuarter.to, "next quarter"),
    )
    .add(
      "[due] [in|within|during] (this|current|the current) month",
      dueIn(year, month, "this month"),
    )
    .add("[due] [in|within|during] next month", dueIn(nextYear, nextMonth, "next month"));
}

type DateFilterPeriod = Extract<DateFilter, { kind: "dueBetween" }>["period"];

type Marker = { keys: string[]; meaning: "by" | "before" | "after" | "in" | "on" | "since" };

/** Words that put a date to use; longer ones are tried first. */
const MARKERS: Marker[] = (
  [
    ["due on or before", "by"],
    ["on or before", "by"],
    ["no later than", "by"],
    ["due by", "by"],
    ["up to", "by"],
    ["by", "by"],
    ["until", "by"],
    ["till", "by"],
    ["due before", "before"],
    ["ahead of", "before"],
    ["prior to", "before"],
    ["earlier than", "before"],
    ["before", "before"],
    ["due after", "after"],
    ["later than", "after"],
    ["after", "after"],
    ["due in", "in"],
    ["due during", "in"],
    ["during", "in"],
    ["in", "in"],
    ["due on", "on"],
    ["due", "on"],
    ["updated since", "since"],
    ["update since", "since"],
    ["changed since", "since"],
    ["since", "since"],
  ] as const
)
  .map(([phrase, meaning]) => ({ keys: phraseKeys(phrase), meaning }))
  .sort((a, b) => b.keys.length - a.keys.length);

/** A marker and the date after it ("by end of March", "since 1/10/2026", "due in Q4"). */
export function dateAt(
  tokens: Token[],
  start: number,
  today: IsoDate,
): { term: Term; length: number } | null {
  for (const marker of MARKERS) {
    if (!marker.keys.every((key, k) => tokens[start + k]?.key === key)) continue;
    const at = start + marker.keys.length;
    const quarter =
      marker.meaning === "in" || marker.meaning === "on" ? quarterAt(tokens, at, today) : null;
    if (quarter) return { term: quarter.term, length: at - start + quarter.length };
    const read = readDate(tokens, at, today, marker.meaning === "since" ? "past" : "future");
    if (!read) continue;
    const filter = toFilter(marker.meaning, read.reading);
    if (filter) return { term: filter, length: at - start + read.length };
  }
  const quarter = quarterAt(tokens, start, today);
  return quarter ? { term: quarter.term, length: quarter.length } : null;
}

function toFilter(meaning: Marker["meaning"], reading: DateReading): Term | null {
  const last = reading.kind === "month" ? reading.to : reading.date;
  const first = reading.kind === "month" ? reading.from : reading.date;
  switch (meaning) {
    case "by":
      return { kind: "date", date: { kind: "dueBy", date: last } };
    case "before":
      return {
        kind: "date",
        date: { kind: "dueBy", date: reading.kind === "end" ? last : dayBefore(first) },
      };
    case "after":
      return { kind: "date", date: { kind: "dueAfter", date: last } };
    case "since":
      return { kind: "review", review: { kind: "updatedSince", date: first } };
    case "in":
    case "on":
      if (reading.kind === "end") return { kind: "date", date: { kind: "dueBy", date: last } };
      return {
        kind: "date",
        date: {
          kind: "dueBetween",
          from: first,
          to: last,
          period: reading.kind === "month" ? "month" : "day",
        },
      };
  }
}

/** "Q4" or "Q4 2026": a financial quarter; without a year, the next one not yet over. */
function quarterAt(
  tokens: Token[],
  start: number,
  today: IsoDate,
): { term: Term; length: number } | null {
  if (tokens[start]?.text !== "q") return null;
  const index = Number(tokens[start + 1]?.text);
  if (!(index >= 1 && index <= 4) || tokens[start + 1]?.kind !== "number") return null;
  const yearToken = tokens[start + 2];
  const explicitYear =
    yearToken?.kind === "number" && yearToken.text.length === 4 ? Number(yearToken.text) : null;
  const fiscalYear = Number(quarterContaining(today).slice(0, 4));
  let quarter = `${explicitYear ?? fiscalYear}-Q${index}`;
  if (explicitYear === null && quarterRange(quarter).to < today) quarter = shiftQuarter(quarter, 4);
  const range = quarterRange(quarter);
  return {
    term: {
      kind: "date",
      date: { kind: "dueBetween", from: range.from, to: range.to, period: "quarter" },
    },
    length: explicitYear === null ? 2 : 3,
  };
}
