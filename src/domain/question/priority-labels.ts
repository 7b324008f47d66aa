import type { Term } from "./terms.ts";
import type { Token } from "./tokens.ts";

/**
 * Labels that start priority names ("R3: Quality of…", "P2 - Early help", "Priority 1. Safety"):
 * people call the priority by its label ("R3", "recommendation 3"), so each label's letters,
 * lower-cased, map its number to the priority's own number.
 */
export type PriorityLabels = Map<string, Map<number, number>>;

const LEADING_LABEL = /^\s*([A-Za-z]+)\s*([0-9]{1,3})\s*[:\-.)–—]/;
/** Words a plan's label letters stand for, so "recommendation 3" finds "R3: …". */
const LABEL_WORDS: Record<string, string[]> = {
  r: ["recommendation", "recommendations", "rec", "recs"],
  p: ["priority", "priorities"],
};

export function priorityLabels(priorities: { number: number; name: string }[]): PriorityLabels {
  const labels: PriorityLabels = new Map();
  for (const { number, name } of priorities) {
    const match = LEADING_LABEL.exec(name);
    if (!match) continue;
    const letters = (match[1] as string).toLowerCase();
    const byNumber = labels.get(letters) ?? new Map<number, number>();
    byNumber.set(Number(match[2]), number);
    labels.set(letters, byNumber);
    for (const word of LABEL_WORDS[letters] ?? []) labels.set(word, byNumber);
    // "Recommendation 3: …" written out: its first letter is a label too ("R3").
    if (letters.length > 1 && Object.values(LABEL_WORDS).some((w) => w.includes(letters))) {
      labels.set(letters[0] as string, byNumber);
    }
  }
  return labels;
}

const SEPARATORS = new Set(["and", "or", "/", "plus", "&"]);

/**
 * "R3", "r3", "recommendation 3", "R1 and R2": priorities by the label their names start with. A
 * label the plan lacks ("R9" in a plan of R1–R8) is understood and answered with the plan's range,
 * never dropped. "R2.7" is Ref-shaped, not a label, and is left to the Ref reader.
 */
export function priorityLabelAt(
  tokens: Token[],
  start: number,
  labels: PriorityLabels,
): { term: Term; length: number } | null {
  const first = labelAt(tokens, start, labels);
  if (!first) return null;
  const numbers = [first.number];
  const byNumber = first.byNumber;
  let i = start + first.length;
  for (;;) {
    const j = SEPARATORS.has(tokens[i]?.key ?? "") ? i + 1 : i;
    if (j === i) break;
    const next = labelAt(tokens, j, labels);
    if (!next || next.byNumber !== byNumber) break;
    numbers.push(next.number);
    i = j + next.length;
  }
  const missing = numbers.find((n) => !byNumber.has(n));
  if (missing !== undefined) {
    const raw = tokens[start]?.raw ?? "";
    // "R9" keeps its short form; "recommendation 9" keeps its space.
    const label = raw.length <= 3 ? raw.toUpperCase() : `${raw} `;
    const known = [...byNumber.keys()].sort((a, b) => a - b);
    const range = known.length
      ? `it has ${label}${known[0]} to ${label}${known[known.length - 1]}`
      : "it has none";
    return {
      term: { kind: "problem", reason: `There is no ${label}${missing} in this plan — ${range}.` },
      length: i - start,
    };
  }
  return {
    term: { kind: "priority", numbers: numbers.map((n) => byNumber.get(n) as number) },
    length: i - start,
  };
}

function labelAt(
  tokens: Token[],
  start: number,
  labels: PriorityLabels,
): { number: number; byNumber: Map<number, number>; length: number } | null {
  const word = tokens[start];
  const number = tokens[start + 1];
  if (word?.kind !== "word" || number?.kind !== "number") return null;
  const byNumber = labels.get(word.text.toLowerCase());
  if (!byNumber) return null;
  // A one-letter label must touch its number ("R3", not "r 3"), so a stray letter is never one.
  if (word.text.length === 1 && number.glue === undefined) return null;
  // "R2.7": a Ref shape, not a label followed by a stray number.
  const after = tokens[start + 2];
  if (after?.kind === "number" && after.glue !== undefined) return null;
  return { number: Number(number.text), byNumber, length: 2 };
}
