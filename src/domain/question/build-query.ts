import type { Quarter } from "../quarter.ts";
import { readHistory } from "./history-terms.ts";
import { foldNegatedRags } from "./negated-rags.ts";
import {
  type Correction,
  emptyQuery,
  type NameChoice,
  type NameRead,
  type ParsedQuestion,
  type Query,
} from "./query.ts";
import { settleChoices } from "./settle-choices.ts";
import { filterCategory, type Span, type Term } from "./terms.ts";
import type { Token } from "./tokens.ts";
import { eitherKinds, typedText, whyUnanswerable } from "./unanswerable.ts";
import { STOPWORDS } from "./word-forms.ts";

/**
 * Turns the recognised pieces into an answerable question, or says plainly why not: an
 * impossible ask, a "not"/"or" the grammar cannot honour, a name after "for" it does not know,
 * or nothing recognisable at all. Words after "about" are searched for as text.
 */
export function buildQuestion(
  read: Span[],
  tokens: Token[],
  corrections: Correction[],
  currentQuarter: Quarter,
): ParsedQuestion {
  const parsed = buildFrom(read, tokens, corrections, currentQuarter);
  const asText = partsAsText(read);
  if (parsed.kind !== "query" || parsed.chooseName || !asText) return parsed;
  const other = buildFrom(asText.spans, tokens, corrections, currentQuarter);
  if (other.kind !== "query" || other.query.text.length === 0) return parsed;
  const phrase = other.query.text.find((text) => text.includes(typedText(tokens, asText.part)));
  if (!phrase) return parsed;
  // Read as one phrase of the plan's text, its words together and in order.
  const query = {
    ...other.query,
    text: other.query.text.filter((text) => text !== phrase),
    phrases: [phrase],
  };
  return { ...parsed, asText: { query, phrase } };
}

/**
 * The spans with a one-word name part that stands beside a word of the plan's text read as a
 * word too, so the two make one phrase to search for; null when there is none.
 */
function partsAsText(spans: Span[]): { spans: Span[]; part: Span } | null {
  const isText = (span: Span | undefined) => span?.term.kind === "word" && span.term.inPlan;
  const at = spans.findIndex(
    (span, i) =>
      span.term.kind === "namePart" &&
      span.end - span.start === 1 &&
      (isText(spans[i - 1]) || isText(spans[i + 1])),
  );
  const part = spans[at];
  if (!part) return null;
  const changed = [...spans];
  changed[at] = { ...part, term: { kind: "word", inPlan: true } };
  return { spans: changed, part };
}

function buildFrom(
  read: Span[],
  tokens: Token[],
  corrections: Correction[],
  currentQuarter: Quarter,
): ParsedQuestion {
  let spans = read;
  const problem = spans.find((span) => span.term.kind === "problem")?.term;
  if (problem?.kind === "problem") return { kind: "unknown", reason: problem.reason };
  const missing = spans.find((span) => span.term.kind === "missingRef")?.term;
  if (missing?.kind === "missingRef") return { kind: "missingRef", ref: missing.ref };
  spans = settleChoices(foldNegatedRags(spans), tokens);
  const unanswerable = whyUnanswerable(spans, tokens);
  if (unanswerable) return { kind: "unknown", reason: unanswerable };

  const query = emptyQuery();
  const either = eitherKinds(spans);
  if (either.length) query.either = either;
  const understood: string[] = [];
  const ignored: string[] = [];
  let summary = false;
  let everything = false;
  let aboutMode = false;
  let phrase: string[] = [];
  let choices: string[] = [];
  let quartersBack: number | null = null;
  const namesRead: NameRead[] = [];
  let chooseName: NameChoice | undefined;
  const endPhrase = () => {
    if (phrase.length) query.text.push(phrase.join(" "));
    if (phrase.length) understood.push(phrase.join(" "));
    phrase = [];
  };

  for (const span of spans) {
    const typed = typedText(tokens, span);
    let { term } = span;
    // "anything on the hubs section" names the section, though "on" would search its words.
    const kindSaid = term.kind === "namePart" && term.kindSaid === true;
    if (term.kind === "namePart") {
      namesRead.push({ typed, readAs: term.label });
      term = term.name;
    }
    if (term.kind === "word") {
      // Plan words are searched for; after "about" any word is. Others are reported as unused.
      const word = tokens[span.start] as Token;
      if (STOPWORDS.has(word.text) || (!aboutMode && !term.inPlan)) {
        endPhrase();
        if (!aboutMode) ignored.push(word.raw);
      } else phrase.push(typed);
      continue;
    }
    if (aboutMode && !kindSaid && (term.kind === "area" || term.kind === "section")) {
      phrase.push(typed);
      continue;
    }
    endPhrase();
    if (term.kind === "planChoice") {
      choices = union(choices, term.ids);
      understood.push(typed);
      continue;
    }
    if (term.kind === "nameChoice") {
      chooseName ??= { typed, options: term.options.map(({ label, name }) => ({ label, name })) };
      understood.push(typed);
      continue;
    }
    if (term.kind === "asAt") {
      quartersBack = term.quartersBack;
      understood.push(typed);
      continue;
    }
    if (filterCategory(term) !== null || term.kind === "nameMarker") aboutMode = false;
    if (term.kind === "about") aboutMode = true;
    if (term.kind === "summary") summary = true;
    if (term.kind === "everything") everything = true;
    if (applyTerm(query, term)) understood.push(typed);
  }
  endPhrase();
  const history = readHistory(query, quartersBack, currentQuarter);
  if (history) return { kind: "unknown", reason: history };
  const choosePlans = plansToChooseFrom(spans, query, choices);
  if (choosePlans) delete query.plans;
  const parsed = decide(query, {
    summary,
    everything,
    understood,
    ignored,
    corrections,
    choosePlans,
    chooseName,
  });
  if (parsed.kind === "query" && namesRead.length) parsed.namesRead = namesRead;
  return parsed;
}

/**
 * The plans to ask about, when the plan words fit several equally: words their names share ("the
 * improvement plan"), or plans joined by "or" ("the SEND plan or the early help plan"). A plan
 * named outright among shared words' plans settles it ("the SEND improvement plan" is read whole).
 */
function plansToChooseFrom(spans: Span[], query: Query, choices: string[]): string[] | undefined {
  const named = query.plans ?? [];
  if (choices.length && named.some((id) => choices.includes(id))) return undefined;
  const isPlan = (span: Span | undefined) =>
    span?.term.kind === "plan" || span?.term.kind === "planChoice";
  const meaningful = spans.filter((span) => span.term.kind !== "filler");
  const orBetweenPlans = meaningful.some(
    (span, i) => span.term.kind === "or" && isPlan(meaningful[i - 1]) && isPlan(meaningful[i + 1]),
  );
  const ids = union(orBetweenPlans ? named : [], choices);
  return ids.length > 1 ? ids : undefined;
}

/** Adds a filter term to the query; false for terms that are not filters. */
function applyTerm(query: Query, term: Term): boolean {
  switch (term.kind) {
    case "rag":
      query.rags = union(query.rags, term.rags);
      return true;
    case "priority":
      query.priorities = union(query.priorities, term.numbers);
      if (term.plan) query.plans = union(query.plans ?? [], [term.plan]);
      return true;
    case "plan":
      query.plans = union(query.plans ?? [], [term.id]);
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
  choosePlans?: string[] | undefined;
  chooseName?: NameChoice | undefined;
};

function decide(query: Query, extras: Extras): ParsedQuestion {
  const { summary, everything, understood, ignored, corrections, choosePlans, chooseName } = extras;
  const filters = { ...query, count: false };
  const noFilter =
    !choosePlans && !chooseName && JSON.stringify(filters) === JSON.stringify(emptyQuery());
  if (summary && JSON.stringify({ ...filters, priorities: [] }) === JSON.stringify(emptyQuery())) {
    return { kind: "summary", priorities: query.priorities };
  }
  if (summary) query.count = true;
  const { plans, ...withoutPlans } = query;
  if (
    !chooseName &&
    query.refs.length === 1 &&
    JSON.stringify({ ...withoutPlans, refs: [] }) === JSON.stringify(emptyQuery())
  ) {
    const ref = query.refs[0] as string;
    // A Ref in "the improvement plan" is listed under each plan it may mean, as "1.1" alone is.
    const refPlans = choosePlans ?? plans;
    return refPlans ? { kind: "ref", ref, plans: refPlans } : { kind: "ref", ref };
  }
  // "how many zebras" or "show all the zebras": answering for the whole plan would be a guess.
  if (noFilter && ignored.length)
    return { kind: "unknown", reason: `I didn't recognise ${quoteList(ignored)}.` };
  if (noFilter && !query.count && !everything) {
    return { kind: "unknown", reason: "I couldn't find a question in that." };
  }
  const choice = choosePlans ? { choosePlans } : {};
  const name = chooseName ? { chooseName } : {};
  return { kind: "query", query, understood, corrections, ignored, ...choice, ...name };
}

function union<T>(a: T[], b: T[]): T[] {
  return [...new Set([...a, ...b])];
}

function quoteList(words: string[]): string {
  return words.map((word) => `“${word}”`).join(", ");
}
