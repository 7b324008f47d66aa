import type { Quarter } from "../domain/quarter.ts";

const QUARTER_MONTHS = [
  ["April", "June"],
  ["July", "September"],
  ["October", "December"],
  ["January", "March"],
] as const;

/**
 * "2026-Q3" → "October to December 2026"; "2026-Q4" → "January to March 2027" (financial years
 * start in April, so the fourth quarter falls in the next calendar year).
 */
export function quarterMonthsLabel(quarter: Quarter): string {
  const match = /^(\d{4})-Q([1-4])$/.exec(quarter);
  if (!match) return quarter;
  const year = Number(match[1]);
  const index = Number(match[2]) - 1;
  const [from, to] = QUARTER_MONTHS[index] ?? QUARTER_MONTHS[0];
  return `${from} to ${to} ${index === 3 ? year + 1 : year}`;
}
