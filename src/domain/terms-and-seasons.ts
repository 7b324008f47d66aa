import { type IsoDate, lastDayOfMonth, toIsoDate } from "./iso-date.ts";

/**
 * The day a school term or a season written as a due date ends, by one stated rule (README, "Plan
 * files"): a date in a plan is a deadline, so a term or season means its last day.
 *
 * School terms in England: the Autumn term runs to Christmas (31 December), the Spring term to
 * Easter (31 March, as the holiday moves), the Summer term to the end of July (31 July). Written
 * with an academic year ("Spring term 2025/26"), Autumn falls in its first year, Spring and Summer
 * in its second.
 *
 * Seasons are the Met Office's: Spring is March–May (31 May), Summer June–August (31 August),
 * Autumn September–November (30 November). Winter spans two years, so it needs both
 * ("Winter 2025/26" ends on the last day of February 2026); "Winter 2025" alone is asked about.
 */
export type Period = "autumn" | "spring" | "summer" | "winter";

export function termEnd(term: Exclude<Period, "winter">, year: number): IsoDate {
  if (term === "autumn") return toIsoDate(year, 12, 31);
  if (term === "spring") return toIsoDate(year, 3, 31);
  return toIsoDate(year, 7, 31);
}

export function seasonEnd(season: Period, year: number): IsoDate {
  if (season === "spring") return toIsoDate(year, 5, 31);
  if (season === "summer") return toIsoDate(year, 8, 31);
  if (season === "autumn") return toIsoDate(year, 11, 30);
  // Winter of `year`/`year+1`: its end is in the second year.
  return toIsoDate(year + 1, 2, lastDayOfMonth(year + 1, 2));
}

/** "fall" is how some templates write autumn. */
export function periodNamed(word: string): Period | null {
  const w = word.toLowerCase();
  if (w.startsWith("aut") || w === "fall") return "autumn";
  if (w.startsWith("spr")) return "spring";
  if (w.startsWith("sum")) return "summer";
  if (w.startsWith("win")) return "winter";
  return null;
}
