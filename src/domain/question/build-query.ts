import { emptyQuery, type Correction, type ParsedQuestion, type Query } from "./query.ts";
import { filterCategory, type Span, type Term } from "./terms.ts";
import type { Token } from "./tokens.ts";
import { STOPWORDS } from "./word-forms.ts";

/**
 * Turns the recognised pieces into an answerable question, or says plainly why not: an
 * impossible ask, a "not"/"or" the grammar cannot honour, a name after "for" it does not know,
 * or nothing recognisable at all. Words after "about" are searched for as text.
 */
export function buildQuestion(
  spans: Span[],
  tokens: Token[],
  corrections: Correction[],
): ParsedQuestion {
  const problem = spans.find((span) => span.term.kind === "problem")?.term;
  if (problem?.kind === "problem") return { kind: "unknown", reason: problem.reason };
  const unanswerable =
    negationProblem(spans, tokens) ??
    mixedOrProblem(spans, tokens) ??
    unknownNameProblem(spans, tokens);
  if (unanswerable) return { kind: "unknown", reason: unanswerable };

  const query = emptyQuery();
  const understood: string[] = [];
  const ignored: string[] = [];
  let summary = false;
  let everything = false;
  let aboutMode = false;
  let phrase: string[] = [];
  const endPhrase = () => {
    if (phrase.length) query.text.push(phrase.join(" "));
    if (phrase.length) understood.push(phrase.join(" "));
    phrase = [];
  };

  for (const span of spans) {
    const { term } = span;
    const typed = typedText(tokens, span);
    if (term.kind === "word") {
      // Plan words are searched for; after "about" any word is. Others are reported as unused.
      const word = tokens[span.start] as Token;
      if (STOPWORDS.has(word.text) || (!aboutMode && !term.inPlan)) {
        endPhrase();
        if (!aboutMode) ignored.push(word.raw);
      } else phrase.push(typed);
      continue;
    }
    if (aboutMode && (term.kind === "area" || term.kind === "section")) {
      phrase.push(typed);
      continue;
    }
    endPhrase();
    if (filterCategory(term) !== null || term.kind === "nameMarker") aboutMode = false;
    if (term.kind === "about") aboutMode = true;
    if (term.kind === "summary") summary = true;
    if (term.kind === "everything") everything = true;
    if (applyTerm(query, term)) understood.push(typed);
  }
  endPhrase();
  return decide(query, { summary, everything, understood, ignored, corrections });
}

/** Adds a filter term to the query; false for terms that are not filters. */
function applyTerm(query: Query, term: Term): boolean {
  switch (term.kind) {
    case "rag":
      query.rags = union(query.rags, term.rags);
      return true;
    case "priority":
      query.priorities = union(query.priorities, term.numbers);
      return true;
    case "lead":
      if (
        !query.leads.some(
          (lead) => lead.match === term.lead.match && lead.value === term.lead.value,
        )
      ) {
        query.leads.push(term.lead);
      }
      return true;
    case "mine":
      query.mine = true;
      return true;
    case "date":
      if (!query.dates.some((date) => JSON.stringify(date) === JSON.stringify(term.date)))
        query.dates.push(term.date);
      return true;
    case "review":
      if (!query.review.some((review) => JSON.stringify(review) === JSON.stringify(term.review))) {
        query.review.push(term.review);
      }
      return true;
    case "completion":
      query.completion = union(query.completion, [term.completion]);
      return true;
    case "area":
      query.deliveryAreas = union(query.deliveryAreas, [term.name]);
      return true;
    case "section":
      query.sections = union(query.sections, [term.name]);
      return true;
    case "ref":
      query.refs = union(query.refs, [term.ref]);
      return true;
    case "count":
      query.count = true;
      return true;
    default:
      return false;
  }
}

type Extras = {
  summary: boolean;
  everything: boolean;
  understood: string[];
  ignored: string[];
  corrections: Correction[];
};

function decide(query: Query, extras: Extras): ParsedQuestion {
  const { summary, everything, understood, ignored, corrections } = extras;
  const filters = { ...query, priorities: [], count: false };
  const onlyPriorities = JSON.stringify(filters) === JSON.stringify({ ...emptyQuery() });
  if (summary && onlyPriorities && !query.count)
    return { kind: "summary", priorities: query.priorities };
  if (summary) query.count = true;
  const onlyRef = JSON.stringify({ ...query, refs: [] }) === JSON.stringify(emptyQuery());
  if (onlyRef && query.refs.length === 1) return { kind: "ref", ref: query.refs[0] as string };
  if (understood.length === 0 && !everything && !summary) {
    const reason = ignored.length
      ? `I didn't recognise ${quoteList(ignored)}.`
      : "I couldn't find a question in that.";
    return { kind: "unknown", reason };
  }
  return { kind: "query", query, understood, corrections, ignored };
}

/** "not for HoS": the grammar cannot leave things out, so it says so instead of ignoring "not". */
function negationProblem(spans: Span[], tokens: Token[]): string | null {
  for (const [i, span] of spans.entries()) {
    if (span.term.kind !== "negation") continue;
    const next = nextMeaningful(spans, i + 1, AFTER_NEGATION);
    if (next && (filterCategory(next.term) !== null || next.term.kind === "word")) {
      return `I can't leave things out yet (“${typedText(tokens, span)} ${typedText(tokens, next)}”). Ask for what you want to see instead, e.g. “what's red or amber”.`;
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
      return `I can't combine “${typedText(tokens, before)}” or “${typedText(tokens, after)}” in one answer — please ask for each separately.`;
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

function union<T>(a: T[], b: T[]): T[] {
  return [...new Set([...a, ...b])];
}

function quoteList(words: string[]): string {
  return words.map((word) => `“${word}”`).join(", ");
}
