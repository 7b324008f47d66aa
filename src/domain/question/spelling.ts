import { allowedEdits, boundedEditDistance } from "./edit-distance.ts";
import type { Correction } from "./query.ts";
import { makeToken, type Token } from "./tokens.ts";
import { wordKey } from "./word-forms.ts";

/**
 * Known words in tiers, most meaningful first: the grammar, then the plan's names, then filler,
 * then the plan's own words. A typo is read as the nearest known word within the allowed edits;
 * among equally near words the earlier tier wins, and a tie inside a tier is left alone
 * (unless all are filler, which changes nothing) — a guess between two meanings is not made.
 */
export class SpellingDictionary {
  private readonly known = new Set<string>();
  private readonly byLength = new Map<number, { word: string; tier: number }[]>();
  private readonly fillers: Set<string>;

  /**
   * `exactOnly` words are known but never offered as corrections: the plan's own prose is too
   * varied for that ("monkey" must not be read as "money" and searched for).
   */
  constructor(
    tiers: Iterable<string>[],
    fillers: Iterable<string>,
    exactOnly: Iterable<string> = [],
  ) {
    this.fillers = new Set(fillers);
    for (const word of exactOnly) {
      this.known.add(word.toLowerCase());
      this.known.add(wordKey(word.toLowerCase()));
    }
    const seen = new Set<string>();
    tiers.forEach((words, tier) => {
      for (const raw of words) {
        const word = raw.toLowerCase();
        this.known.add(word);
        this.known.add(wordKey(word));
        if (seen.has(word) || !/^\p{L}+$/u.test(word)) continue;
        seen.add(word);
        const bucket = this.byLength.get(word.length) ?? [];
        bucket.push({ word, tier });
        this.byLength.set(word.length, bucket);
      }
    });
  }

  isKnown(word: string): boolean {
    return this.known.has(word) || this.known.has(wordKey(word));
  }

  /** The word `typed` should be read as, or null to leave it as typed. */
  correctionFor(typed: string): string | null {
    const limit = allowedEdits(typed);
    if (limit === 0 && !this.isKnown(typed)) return swappedShortWord(typed);
    if (limit === 0 || this.isKnown(typed) || !/^\p{L}+$/u.test(typed)) return null;
    let best: { distance: number; tier: number; words: Set<string> } | null = null;
    for (let length = typed.length - limit; length <= typed.length + limit; length++) {
      for (const candidate of this.byLength.get(length) ?? []) {
        const distance = boundedEditDistance(typed, candidate.word, limit);
        if (distance > limit) continue;
        if (
          !best ||
          distance < best.distance ||
          (distance === best.distance && candidate.tier < best.tier)
        ) {
          best = { distance, tier: candidate.tier, words: new Set([candidate.word]) };
        } else if (distance === best.distance && candidate.tier === best.tier) {
          best.words.add(candidate.word);
        }
      }
    }
    if (!best) return null;
    const words = [...best.words];
    if (words.length === 1 || words.every((word) => this.fillers.has(word)))
      return words[0] as string;
    return new Set(words.map(wordKey)).size === 1 ? (words[0] as string) : null;
  }
}

/**
 * Three-letter words are too short to guess at, but "rde" has red's letters with two neighbours
 * swapped: a RAG is the most asked-for word, and no other short word reads that way.
 */
const SHORT_SWAPPABLE = ["red"];

function swappedShortWord(typed: string): string | null {
  for (const word of SHORT_SWAPPABLE) {
    if (word.length !== typed.length) continue;
    for (let i = 0; i + 1 < word.length; i++) {
      const swapped = `${word.slice(0, i)}${word[i + 1]}${word[i]}${word.slice(i + 2)}`;
      if (swapped === typed) return word;
    }
  }
  return null;
}

/**
 * A question has a few dozen words; beyond this many distinct unknown ones the message is not a
 * question, and checking them all would only slow the answer.
 */
const MAX_WORDS_CHECKED = 40;

/** Replaces misspelt words, remembering each so the answer can say how it was read. */
export function correctSpelling(
  tokens: Token[],
  dictionary: SpellingDictionary,
): { tokens: Token[]; corrections: Correction[] } {
  const corrections: Correction[] = [];
  const cache = new Map<string, string | null>();
  let checked = 0;
  const corrected = tokens.map((token) => {
    if (token.kind !== "word") return token;
    if (!cache.has(token.text)) {
      const unknown = !dictionary.isKnown(token.text);
      if (unknown) checked++;
      cache.set(
        token.text,
        unknown && checked <= MAX_WORDS_CHECKED ? dictionary.correctionFor(token.text) : null,
      );
    }
    const readAs = cache.get(token.text);
    if (!readAs) return token;
    corrections.push({ typed: token.raw, readAs });
    return makeToken(readAs);
  });
  return { tokens: corrected, corrections };
}
