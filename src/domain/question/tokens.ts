import { wordKey } from "./word-forms.ts";

/**
 * One word, number, "/" or day-first date of a message. `raw` keeps the person's spelling and
 * case (SEND in capitals is the priority, "send" is usually the verb); `key` is what is compared.
 */
export type Token = {
  raw: string;
  text: string;
  key: string;
  kind: "word" | "number" | "slash" | "date";
  /**
   * What joined this token to the one before without a space ("." in "6.1", "-" in "CSC-07", ""
   * in "P3"); absent for a token that starts a word of the message. Lets a Ref the plan lacks be
   * known by its shape.
   */
  glue?: string;
};

const DAY_FIRST_DATE = /^\d{1,2}[/.-]\d{1,2}[/.-](\d{2}|\d{4})$/;
const PIECE = /\/|\p{L}+|[0-9]+/gu;

/** Accents dropped, quotes made plain, "&" read as "and": what both readers below start from. */
function cleanText(message: string): string {
  return message
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[’‘`´]/g, "'")
    .replace(/&/g, " and ");
}

/** Splits a message into tokens. Punctuation is dropped, "what's" becomes "whats", "P3" is P + 3. */
export function tokenize(message: string): Token[] {
  const cleaned = cleanText(message);
  const tokens: Token[] = [];
  for (const chunk of cleaned.split(/\s+/)) {
    const trimmed = /[0-9]/.test(chunk) ? chunk.replace(/^[^\p{L}0-9]+|[^\p{L}0-9]+$/gu, "") : "";
    if (trimmed && DAY_FIRST_DATE.test(trimmed)) {
      tokens.push({ raw: trimmed, text: trimmed, key: trimmed, kind: "date" });
      continue;
    }
    const unquoted = chunk.replace(/'/g, "");
    let end = -1;
    for (const match of unquoted.matchAll(PIECE)) {
      const token = makeToken(match[0]);
      if (end >= 0) token.glue = unquoted.slice(end, match.index);
      end = match.index + match[0].length;
      tokens.push(token);
    }
  }
  return tokens;
}

const LETTERS = /\p{L}+/gu;

/**
 * The words of a text as `tokenize` writes them (`raw` of each word token), without building the
 * tokens: a plan's vocabulary reads every action's text, 10,000 actions in a large plan, and
 * building a token for every word made that the largest part of start-up's work. A word token is
 * a run of letters once apostrophes are gone, and no whitespace or date interrupts a run, so
 * reading the runs of the whole cleaned text gives the same words.
 */
export function wordsOf(text: string): string[] {
  return cleanText(text).replace(/'/g, "").match(LETTERS) ?? [];
}

export function makeToken(raw: string): Token {
  const text = raw.toLowerCase();
  if (raw === "/") return { raw, text, key: "/", kind: "slash" };
  const kind = /^[0-9]+$/.test(raw) ? "number" : "word";
  return { raw, text, key: wordKey(text), kind };
}

/** The keys of a phrase written in the vocabulary, without "/" (leads are matched either way). */
export function phraseKeys(phrase: string): string[] {
  return tokenKeys(tokenize(phrase));
}

/** The keys of tokens already read, without "/": `phraseKeys` for a phrase tokenized once. */
export function tokenKeys(tokens: readonly Token[]): string[] {
  return tokens.filter((token) => token.kind !== "slash").map((token) => token.key);
}
