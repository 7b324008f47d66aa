import { expandPattern } from "./phrase-pattern.ts";
import type { Term } from "./terms.ts";
import type { Token } from "./tokens.ts";
import { phraseKeys } from "./tokens.ts";

type Entry = { keys: string[]; term: Term };

/**
 * Fixed phrases looked up by their first word. A "/" typed inside a phrase is skipped, so
 * "HoS/Service Manager" and "HoS Service Manager" both read as the Lead.
 */
export class PhraseIndex {
  private readonly byFirstKey = new Map<string, Entry[]>();
  /** Every word used in a phrase: the spelling corrector's known vocabulary. */
  readonly words = new Set<string>();

  add(pattern: string, term: Term): this {
    for (const phrase of expandPattern(pattern)) this.addPhrase(phrase, term);
    return this;
  }

  addPhrase(phrase: string, term: Term): void {
    this.addKeys(phraseKeys(phrase), term);
    for (const word of phrase.toLowerCase().split(/[^\p{L}]+/u)) if (word) this.words.add(word);
  }

  /** Adds already-tokenised words (a name after its synonyms were applied). */
  addTokens(tokens: Token[], term: Term): void {
    const words = tokens.filter((token) => token.kind !== "slash");
    this.addKeys(
      words.map((token) => token.key),
      term,
    );
    for (const token of words) if (token.kind === "word") this.words.add(token.text);
  }

  private addKeys(keys: string[], term: Term): void {
    const first = keys[0];
    if (first === undefined) return;
    const entries = this.byFirstKey.get(first) ?? [];
    entries.push({ keys, term });
    this.byFirstKey.set(first, entries);
  }

  /** The longest phrase starting at `start`, with how many tokens it covers. First added wins ties. */
  longestAt(tokens: Token[], start: number): { term: Term; length: number } | null {
    const first = tokens[start];
    if (!first || first.kind === "slash") return null;
    let best: { term: Term; length: number } | null = null;
    for (const entry of this.byFirstKey.get(first.key) ?? []) {
      const length = matchLength(entry.keys, tokens, start);
      if (length > 0 && (!best || length > best.length)) best = { term: entry.term, length };
    }
    return best;
  }
}

/** Tokens covered when `keys` match from `start` (slashes in between skipped), or 0. */
function matchLength(keys: string[], tokens: Token[], start: number): number {
  let position = start;
  for (const key of keys) {
    while (tokens[position]?.kind === "slash" && position > start) position++;
    if (tokens[position]?.key !== key) return 0;
    position++;
  }
  return position - start;
}
