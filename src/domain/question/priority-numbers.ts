import { MONTH_NUMBERS } from "./date-words.ts";
import type { Term } from "./terms.ts";
import type { Token } from "./tokens.ts";

const KEYWORDS = new Set(["priority", "pri", "prio", "p", "pty"]);
const NUMBER_WORDS: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  first: 1,
  second: 2,
  third: 3,
  fourth: 4,
  fifth: 5,
};
const SEPARATORS = new Set(["and", "or", "/", "plus"]);
const NUMBER_LABELS = new Set(["no", "number", "num"]);

export const PRIORITY_WORDS: string[] = [
  ...KEYWORDS,
  ...Object.keys(NUMBER_WORDS),
  ...NUMBER_LABELS,
];

/**
 * "priority 3", "P3", "pri 3", "priorities 3, 4 and 5", "p1 and p2", "priority three". A number
 * the plan has no priority for is understood but answered with the plan's real range.
 */
export function priorityNumbersAt(
  tokens: Token[],
  start: number,
  known: number[],
): { term: Term; length: number } | null {
  if (!KEYWORDS.has(tokens[start]?.key ?? "")) return null;
  let i = start + 1;
  if (NUMBER_LABELS.has(tokens[i]?.key ?? "") && numberAt(tokens[i + 1]) !== null) i++;
  const first = numberAt(tokens[i]);
  if (first === null) return null;
  const numbers = [first];
  i++;
  for (;;) {
    let j = i;
    if (SEPARATORS.has(tokens[j]?.key ?? "")) j++;
    if (KEYWORDS.has(tokens[j]?.key ?? "")) j++;
    const next = numberAt(tokens[j]);
    // "priority 3 and 31 March": a number before a month is a date, not a priority.
    if (next === null || MONTH_NUMBERS[tokens[j + 1]?.text ?? ""] || isOrdinal(tokens[j + 1]))
      break;
    numbers.push(next);
    i = j + 1;
  }
  const missing = numbers.filter((n) => !known.includes(n));
  if (missing.length > 0) {
    return {
      term: { kind: "problem", reason: noSuchPriority(missing[0] as number, known) },
      length: i - start,
    };
  }
  return { term: { kind: "priority", numbers }, length: i - start };
}

function numberAt(token: Token | undefined): number | null {
  if (!token) return null;
  if (token.kind === "number") return token.text.length <= 3 ? Number(token.text) : null;
  return NUMBER_WORDS[token.key] ?? null;
}

function isOrdinal(token: Token | undefined): boolean {
  return token !== undefined && ["st", "nd", "rd", "th"].includes(token.text);
}

function noSuchPriority(number: number, known: number[]): string {
  const sorted = [...known].sort((a, b) => a - b);
  const range = sorted.length
    ? `priorities ${sorted[0]} to ${sorted[sorted.length - 1]}`
    : "no priorities";
  return `There is no priority ${number} in this plan — it has ${range}.`;
}
