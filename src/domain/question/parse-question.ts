import type { IsoDate } from "../iso-date.ts";
import type { Quarter } from "../quarter.ts";
import { buildQuestion } from "./build-query.ts";
import { corePhrases } from "./core-phrases.ts";
import { relativeDatePhrases } from "./date-phrases.ts";
import { MONTH_NUMBERS } from "./date-words.ts";
import { FILLERS } from "./filler-phrases.ts";
import { quarterContaining } from "./fiscal-calendar.ts";
import { buildNameIndexes } from "./name-phrases.ts";
import { priorityLabels } from "./priority-labels.ts";
import { PRIORITY_WORDS } from "./priority-numbers.ts";
import type { ParsedQuestion } from "./query.ts";
import { type ReadContext, readSpans } from "./read-terms.ts";
import { refIndex } from "./ref-phrases.ts";
import { correctSpelling, SpellingDictionary } from "./spelling.ts";
import { applySynonyms, SYNONYM_WORDS } from "./synonyms.ts";
import { tokenize } from "./tokens.ts";
import type { PlanVocabulary } from "./vocabulary.ts";
import { wordKey } from "./word-forms.ts";

/** Longer messages are not questions; refusing them keeps every answer quick. */
export const MAX_QUESTION_LENGTH = 2000;

const DATE_WORDS = [
  ...Object.keys(MONTH_NUMBERS),
  "end",
  "start",
  "since",
  "before",
  "until",
  "due",
  "within",
  "during",
  "current",
  "financial",
  "year",
  // Holidays (date-holidays.ts), so "xmas" is never corrected into a name. Seasons are left
  // out: a slip such as "Shring" is more likely a name than "spring".
  "christmas",
  "xmas",
  "easter",
  "term",
];

type Prepared = Omit<ReadContext, "today" | "relativeDates"> & { dictionary: SpellingDictionary };

const prepared = new WeakMap<PlanVocabulary, Prepared>();

/**
 * Reads a plain-English question about the plan ("what's red for priority 3", "overdue for HoS",
 * "csc 7", "summary"). Pure and total: any text gives a result, and a message it cannot read
 * gives `{ kind: "unknown", reason }` rather than a guess.
 */
export function parseQuestion(
  text: string,
  vocab: PlanVocabulary,
  today: IsoDate,
  /** The quarter under review, that "last quarter" is counted back from; by default today's. */
  currentQuarter: Quarter = quarterContaining(today),
): ParsedQuestion {
  if (text.length > MAX_QUESTION_LENGTH) {
    return {
      kind: "unknown",
      reason: "That message is too long for me — please ask one short question.",
    };
  }
  const plan = prepare(vocab);
  const typed = tokenize(text);
  if (typed.length === 0) return { kind: "unknown", reason: "I couldn't find a question in that." };
  const { tokens: spelt, corrections } = correctSpelling(typed, plan.dictionary);
  const tokens = applySynonyms(spelt, plan.names.synonyms);
  const spans = readSpans(tokens, { ...plan, today, relativeDates: relativeDatesFor(today) });
  return buildQuestion(spans, tokens, corrections, currentQuarter);
}

/** "this quarter" and friends depend only on the day; one day's phrases serve every question. */
let lastRelativeDates: { today: IsoDate; phrases: ReturnType<typeof relativeDatePhrases> } | null =
  null;
function relativeDatesFor(today: IsoDate) {
  if (lastRelativeDates?.today !== today)
    lastRelativeDates = { today, phrases: relativeDatePhrases(today) };
  return lastRelativeDates.phrases;
}

/**
 * Builds what reading a question against `vocab` needs (its names, Refs and spelling dictionary),
 * which the first question would otherwise build: with 10,000 actions, a third of a second and
 * tens of megabytes of short-lived objects. Later calls with the same vocabulary cost nothing.
 */
export function prepareParser(vocab: PlanVocabulary): void {
  prepare(vocab);
}

function prepare(vocab: PlanVocabulary): Prepared {
  const cached = prepared.get(vocab);
  if (cached) return cached;
  const names = buildNameIndexes(vocab);
  const refs = refIndex(vocab.refs);
  const planWords = new Set(
    (vocab.words ?? []).flatMap((word) => [word.toLowerCase(), wordKey(word)]),
  );
  const nameWords = [names.names, names.plans].flatMap((index) => [...index.words]);
  const dictionary = new SpellingDictionary(
    [
      [
        ...corePhrases().words,
        ...DATE_WORDS,
        ...PRIORITY_WORDS,
        "quarter",
        "month",
        "next",
        "this",
      ],
      [...nameWords, ...SYNONYM_WORDS, ...refs.prefixes.keys()],
      FILLERS,
    ],
    FILLERS,
    vocab.words ?? [],
  );
  const result: Prepared = {
    names,
    refs,
    priorityNumbers: vocab.priorities.map((priority) => priority.number),
    priorityLabels: priorityLabels(vocab.priorities),
    planWords,
    dictionary,
  };
  prepared.set(vocab, result);
  return result;
}
