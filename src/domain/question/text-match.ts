import type { Action } from "../action.ts";
import { tokenize } from "./tokens.ts";
import { STOPWORDS, stem } from "./word-forms.ts";

/**
 * Free-text search over an action's title, expected outcome, delivery area and the plan's
 * progress note: every word of every phrase must appear (roughly: "fostering" finds "foster
 * carers"), in any order.
 */
export function mentionsAll(action: Action, phrases: readonly string[]): boolean {
  const wanted = wantedStems(phrases);
  if (wanted.length === 0) return true;
  const words = stemsOf(action);
  return wanted.every(
    (word) => words.has(word) || (word.length >= 5 && [...words].some((w) => formOf(w, word))),
  );
}

/**
 * Endings that make another form of the same word ("adopt" → "adoption", "commission" →
 * "commissioner"). Any other continuation is a different word: "police" is not "policy".
 */
const WORD_ENDINGS =
  /^(ion|ions|ation|ations|ive|er|ers|or|ors|al|ment|ments|ly|ness|ship|ise|ize|ity|ful)$/;

function formOf(word: string, start: string): boolean {
  return word.startsWith(start) && WORD_ENDINGS.test(word.slice(start.length));
}

/**
 * An action's words, worked out once per action object: a question over a large plan checks
 * thousands, and a stored action is a new object whenever it changes, so none goes stale.
 */
const stemsByAction = new WeakMap<Action, Set<string>>();
/** A question's searched words, worked out once for all the actions it is checked against. */
const stemsByQuestion = new WeakMap<readonly string[], string[]>();

function wantedStems(phrases: readonly string[]): string[] {
  let wanted = stemsByQuestion.get(phrases);
  if (!wanted) {
    wanted = phrases.flatMap(searchStems);
    stemsByQuestion.set(phrases, wanted);
  }
  return wanted;
}

function stemsOf(action: Action): Set<string> {
  let words = stemsByAction.get(action);
  if (!words) {
    words = new Set(searchStems(searchedText(action)));
    stemsByAction.set(action, words);
  }
  return words;
}

/** Whether the phrase's words stand together, in order, in the action's text ("children's homes"). */
export function mentionsPhrase(action: Action, phrase: string): boolean {
  const wanted = searchStems(phrase);
  if (wanted.length === 0) return true;
  const words = searchStems(searchedText(action));
  for (let i = 0; i + wanted.length <= words.length; i++) {
    if (wanted.every((word, k) => words[i + k] === word)) return true;
  }
  return false;
}

/**
 * The text a question's words are looked for in. The progress note is the plan's own (its
 * "Progress to date" column): a manager asking about "CAMHS" means every action that mentions it.
 */
export function searchedText(action: Action): string {
  return `${action.developmentAction} ${action.expectedOutcome} ${action.deliveryArea} ${action.progressUpdate}`;
}

function searchStems(text: string): string[] {
  return tokenize(text)
    .filter((token) => token.kind !== "slash" && !STOPWORDS.has(token.text))
    .map((token) => stem(token.text));
}
