/**
 * How words are compared. Every phrase in the vocabulary and every word typed goes through the
 * same `wordKey`, so "Reds", "reds" and "red" meet, and "IROs" meets "IRO".
 */

/** Singular, lower-case form used to compare words. Short words (HoS, IRO) are left alone. */
export function wordKey(word: string): string {
  const lower = word.toLowerCase();
  if (/^[0-9]+$/.test(lower)) return lower.length > 9 ? lower : String(Number(lower));
  if (lower.length >= 5 && lower.endsWith("ies")) return `${lower.slice(0, -3)}y`;
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
export const STOPWORDS: ReadonlySet<string> = new Set(
  `a about after again all also an and any are as at be because been being both but by can could did
  do does doing down each either few for from further had has have having he her here him his how i
  if in into is it its just less many may me might more most much must my no nor of off on once only
  or other our out over own same she should so some such than that the their them then there these
  they this those through to too under until up upon us very was way we well were what when where
  whether which while who whom why will with within would you your`.split(/\s+/),
);
