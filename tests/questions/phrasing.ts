import type { Random } from "./seeded-random.ts";

/**
 * How managers really type: as written, all lower case, no punctuation, with "pls", with a
 * trailing "?". One is chosen per question.
 */
export function roughen(text: string, random: Random): string {
  switch (random.int(5)) {
    case 0:
      return text;
    case 1:
      return text.toLowerCase();
    case 2:
      // Sentence punctuation only: the dot inside "1.5" or "2022-23" stays.
      return text
        .replace(/['\u2019?,!]/g, "")
        .replace(/\.(\s|$)/g, "$1")
        .replace(/\s+-\s+/g, " ");
    case 3:
      return text.endsWith("?") ? text : `${text} pls`;
    default:
      return text.endsWith("?") ? text : `${text}?`;
  }
}

/**
 * One slip of the finger in the longest word of the phrase (at least 7 letters): two inner
 * letters swapped or one inner letter dropped. Short words and acronyms are left alone, since
 * one edit in them makes another word.
 */
export function typo(phrase: string, random: Random): string | null {
  const words = phrase.split(" ");
  let index = -1;
  for (const [i, word] of words.entries()) {
    if (
      /^[a-z]{7,}$/i.test(word) &&
      word !== word.toUpperCase() &&
      (index < 0 || word.length > (words[index] as string).length)
    )
      index = i;
  }
  if (index < 0) return null;
  const word = words[index] as string;
  const at = 2 + random.int(word.length - 4);
  const slipped = random.chance(0.5)
    ? `${word.slice(0, at)}${word[at + 1]}${word[at]}${word.slice(at + 2)}`
    : `${word.slice(0, at)}${word.slice(at + 1)}`;
  if (slipped.toLowerCase() === word.toLowerCase()) return null;
  words[index] = slipped;
  return words.join(" ");
}
