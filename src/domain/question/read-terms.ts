import type { IsoDate } from "../iso-date.ts";
import { corePhrases } from "./core-phrases.ts";
import { dateAt } from "./date-phrases.ts";
import { FILLER_PHRASES } from "./filler-phrases.ts";
import { acceptsName, type NameIndexes } from "./name-phrases.ts";
import type { PhraseIndex } from "./phrase-index.ts";
import { type PriorityLabels, priorityLabelAt } from "./priority-labels.ts";
import { priorityNumbersAt } from "./priority-numbers.ts";
import { type RefIndex, refAt } from "./ref-phrases.ts";
import type { Span, Term } from "./terms.ts";
import type { Token } from "./tokens.ts";

export type ReadContext = {
  today: IsoDate;
  names: NameIndexes;
  relativeDates: PhraseIndex;
  refs: RefIndex;
  priorityNumbers: number[];
  priorityLabels: PriorityLabels;
  planWords: Set<string>;
};

type Match = { term: Term; length: number } | null;

/**
 * Reads the message left to right, taking at each point the longest phrase any part of the
 * grammar knows; on equal length the earlier reader wins (a Ref before a priority before a date
 * before the fixed grammar before the plan's names before filler).
 */
export function readSpans(tokens: Token[], context: ReadContext): Span[] {
  const readers: ((start: number) => Match)[] = [
    (start) => refAt(tokens, start, context.refs),
    (start) => priorityLabelAt(tokens, start, context.priorityLabels),
    (start) => priorityNumbersAt(tokens, start, context.priorityNumbers),
    (start) => dateAt(tokens, start, context.today),
    (start) => corePhrases().longestAt(tokens, start),
    (start) => context.relativeDates.longestAt(tokens, start),
    ...[context.names.names, context.names.plans].map((index) => (start: number) => {
      const match = index.longestAt(tokens, start);
      return match && acceptsName(tokens, start, match.length, context.names.capsOnly)
        ? match
        : null;
    }),
    (start) => FILLER_PHRASES.longestAt(tokens, start),
  ];
  const spans: Span[] = [];
  let start = 0;
  while (start < tokens.length) {
    let best: Match = null;
    for (const read of readers) {
      const match = read(start);
      if (match && (!best || match.length > best.length)) best = match;
    }
    const term = best?.term ?? looseWord(tokens[start] as Token, context.planWords);
    const end = start + (best?.length ?? 1);
    spans.push({ term, start, end });
    start = end;
  }
  return spans;
}

function looseWord(token: Token, planWords: Set<string>): Term {
  if (token.kind === "slash") return { kind: "and" };
  if (token.kind === "date") {
    return {
      kind: "problem",
      reason: `“${token.raw}” is not a date I know — write it day first, like 31/12/2026.`,
    };
  }
  return { kind: "word", inPlan: token.kind === "word" && planWords.has(token.text) };
}
