import { filterCategory, type Span } from "./terms.ts";
import type { Token } from "./tokens.ts";
import { STOPWORDS } from "./word-forms.ts";

/**
 * Why a message that was read cannot be answered honestly, or null. Each case would otherwise
 * give a wrong answer quietly: "not for HoS" without the "not", "red or overdue" as "red and
 * overdue", "red for Bob" as every red.
 */
export function whyUnanswerable(spans: Span[], tokens: Token[]): string | null {
  return (
    negationProblem(spans, tokens) ??
    mixedOrProblem(spans, tokens) ??
    unknownNameProblem(spans, tokens)
  );
}

/** "not for HoS": the grammar cannot leave things out, so it says so instead of ignoring "not". */
function negationProblem(spans: Span[], tokens: Token[]): string | null {
  for (const [i, span] of spans.entries()) {
    if (span.term.kind !== "negation") continue;
    const next = nextMeaningful(spans, i + 1, AFTER_NEGATION);
    if (next && (filterCategory(next.term) !== null || next.term.kind === "word")) {
      return `I can't leave things out (“${typedText(tokens, span)} ${typedText(tokens, next)}”) — please ask for what you do want to see, such as a Lead, a priority or a RAG colour.`;
    }
  }
  return null;
}

/** "red or overdue" would need either-or across kinds of filter; "red or amber" is fine. */
function mixedOrProblem(spans: Span[], tokens: Token[]): string | null {
  for (const [i, span] of spans.entries()) {
    if (span.term.kind !== "or") continue;
    const before = previousFilter(spans, i - 1);
    const after = nextMeaningful(spans, i + 1);
    const kinds = [before, after].map((s) => (s ? filterCategory(s.term) : null));
    if (before && after && kinds[0] && kinds[1] && kinds[0] !== kinds[1]) {
      return `I can't answer “${typedText(tokens, before)}” or “${typedText(tokens, after)}” in one list — please ask for each separately.`;
    }
  }
  return null;
}

/** "what's red for Bob": a name was meant but the plan has none like it. */
function unknownNameProblem(spans: Span[], tokens: Token[]): string | null {
  for (const [i, span] of spans.entries()) {
    if (span.term.kind !== "nameMarker") continue;
    const next = nextMeaningful(spans, i + 1);
    const word = next ? (tokens[next.start] as Token).text : "";
    if (next?.term.kind === "word" && !next.term.inPlan && !STOPWORDS.has(word)) {
      return `I don't know “${typedText(tokens, next)}” in this plan. Try a Lead such as HoS, a priority number or an area such as Fostering.`;
    }
  }
  return null;
}

const SKIPPABLE = new Set(["filler", "and"]);
/** "not for HoS", "not about fostering": the negation still reaches the name. */
const AFTER_NEGATION = new Set(["filler", "and", "nameMarker", "about", "everything"]);

function nextMeaningful(spans: Span[], from: number, skip = SKIPPABLE): Span | undefined {
  return spans.slice(from).find((span) => !skip.has(span.term.kind));
}

function previousFilter(spans: Span[], from: number): Span | undefined {
  for (let i = from; i >= 0; i--) {
    const span = spans[i] as Span;
    if (!SKIPPABLE.has(span.term.kind)) return span;
  }
  return undefined;
}

export function typedText(tokens: Token[], span: Span): string {
  return tokens
    .slice(span.start, span.end)
    .map((token) => token.raw)
    .filter(Boolean)
    .join(" ");
}
