/**
 * How words are compared. Every phrase in the vocabulary and every word typed goes through the
 * same `wordKey`, so "Reds", "reds" and "red" meet, and "IROs" meets "IRO".
 */

/** Singular, lower-case form used to compare words. Short words (HoS, IRO) are left alone. */
export function wordKey(word: string): string {
  const lower = word.toLowerCase();
  if (/^[0-9]+$/.test(lower)) return lower.length > 9 ? lower : String(Number(lower));
  if (lower.length >= 4 && lower.endsWith("s") && !/(ss|us|is)$/.test(lower)) {
    return lower.slice(0, -1);
  }
  return lower;
}

/**
 * A rougher form for free-text search, so "fostering" finds "foster carers" and "adopted" finds
 * "adoption"'s neighbour "adopt". Only ever compared with other stems.
 */
export function stem(word: string): string {
  let s = wordKey(word);
  for (const suffix of ["ing", "ed"]) {
    if (s.endsWith(suffix) && s.length - suffix.length >= 4) {
      s = s.slice(0, -suffix.length);
      break;
    }
  }
  if (s.endsWith("e") && s.length >= 5) s = s.slice(0, -1);
  return s;
}

/** Words that carry no meaning for a search: dropped from free text, never distinctive. */
export const STOPWORDS: ReadonlySet<string> = new Set([
  "a",
  "an",
  "and",
  "are",
  "as",
  "at",
  "be",
  "been",
  "but",
  "by",
  "for",
  "from",
  "has",
  "have",
  "in",
  "into",
  "is",
  "it",
  "its",
  "of",
  "on",
  "or",
  "our",
  "so",
  "that",
  "the",
  "their",
  "them",
  "there",
  "these",
  "they",
  "this",
  "those",
  "to",
  "was",
  "we",
  "were",
  "what",
  "when",
  "where",
  "which",
  "who",
  "will",
  "with",
]);
