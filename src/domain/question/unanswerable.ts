import type { EitherKind } from "./query.ts";
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

/**
 * The states "or" joins across kinds ("red or overdue", "amber or awaiting sign-off"): answered
 * as one list of actions meeting either.
 */
const STATE_KINDS: Record<string, EitherKind> = {
  rag: "rags",
  date: "dates",
  review: "review",
  completion: "completion",
};

/** The kinds of filter "or" joins in a message, each pair of which is a state of the action. */
export function eitherKinds(spans: Span[]): EitherKind[] {
  const joined = new Set<EitherKind>();
  for (const [before, after] of orPairs(spans)) {
    const kinds = [before, after].map((s) => STATE_KINDS[filterCategory(s.term) ?? ""]);
    if (kinds[0] && kinds[1] && kinds[0] !== kinds[1])
      for (const kind of kinds) if (kind) joined.add(kind);
  }
  return [...joined];
}

/**
 * "red or HoS" would need either-or across a state and a name; "red or amber" and "red or overdue"
 * are fine.
 */
function mixedOrProblem(spans: Span[], tokens: Token[]): string | null {
  for (const [before, after] of orPairs(spans)) {
    const kinds = [before, after].map((s) => filterCategory(s.term));
    if (!kinds[0] || !kinds[1] || kinds[0] === kinds[1]) continue;
    if (STATE_KINDS[kinds[0]] && STATE_KINDS[kinds[1]]) continue;
    return `I can join RAG colours, dates and review states with “or”, but not “${typedText(tokens, before)}” or “${typedText(tokens, after)}” — please ask for each separately.`;
  }
  return null;
}

/** The meaningful pieces on each side of every "or". */
function orPairs(spans: Span[]): [Span, Span][] {
  const pairs: [Span, Span][] = [];
  for (const [i, span] of spans.entries()) {
    if (span.term.kind !== "or") continue;
    const before = previousFilter(spans, i - 1);
    const after = nextMeaningful(spans, i + 1);
    if (before && after) pairs.push([before, after]);
  }
  return pairs;
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
