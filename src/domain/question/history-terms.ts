import type { Quarter } from "../quarter.ts";
import { shiftQuarter } from "./fiscal-calendar.ts";
import type { Query } from "./query.ts";

const CHANGES = new Set(["changedRag", "worse", "better"]);

/**
 * Settles the quarter a question about the past means, counted back from the quarter under
 * review (as DMT's summary counts "last quarter"), or says why it cannot be answered:
 * "last quarter" beside a RAG reads the ratings DMT had approved by then; beside a change
 * ("went red last quarter") it is the quarter the change happened in. "This quarter" beside a
 * change is when it changed, not when the actions are due.
 */
export function readHistory(
  query: Query,
  quartersBack: number | null,
  currentQuarter: Quarter,
): string | null {
  const changes = query.review.some((review) => CHANGES.has(review.kind));
  if (changes) {
    query.dates = query.dates.filter(
      (date) => date.kind !== "dueBetween" || date.period !== "this quarter",
    );
  }
  if (quartersBack === null) return null;
  if (query.rags.length === 0 && !changes) {
    return "I can answer about last quarter's ratings — ask, for example, \u201cwhat was red last quarter\u201d or \u201cwhat changed since last quarter\u201d.";
  }
  query.asAt = shiftQuarter(currentQuarter, -quartersBack);
  return null;
}
