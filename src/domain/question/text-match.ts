import type { Action } from "../action.ts";
import { tokenize } from "./tokens.ts";
import { STOPWORDS, stem } from "./word-forms.ts";

/**
 * Free-text search over an action's title, expected outcome and delivery area: every word of
 * every phrase must appear (roughly: "fostering" finds "foster carers"), in any order.
 */
export function mentionsAll(action: Action, phrases: string[]): boolean {
  const wanted = phrases.flatMap(searchStems);
  if (wanted.length === 0) return true;
  const words = new Set(
    searchStems(`${action.developmentAction} ${action.expectedOutcome} ${action.deliveryArea}`),
  );
  return wanted.every(
    (word) => words.has(word) || (word.length >= 5 && [...words].some((w) => w.startsWith(word))),
  );
}

function searchStems(text: string): string[] {
  return tokenize(text)
    .filter((token) => token.kind !== "slash" && !STOPWORDS.has(token.text))
    .map((token) => stem(token.text));
}
