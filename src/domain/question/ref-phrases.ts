import type { Term } from "./terms.ts";
import { type Token, tokenize, tokenKeys } from "./tokens.ts";

export type RefIndex = ReturnType<typeof refIndex>;

/** Keys that start a ref, e.g. "csc" for CSC-07, used to spot a ref the plan does not have. */
export function refIndex(refs: string[]): {
  /** Refs by their keys; Refs written apart only by their joins ("1/1", "1.1") share keys. */
  byKeys: Map<string, string[]>;
  prefixes: Map<string, string>;
  /** The most tokens any Ref takes ("CSC-07" takes two, "1/2a" three). */
  longest: number;
  /** Every Ref is a bare number ("1", "97"): a number the plan lacks is a missing Ref. */
  numbers: boolean;
  /** How the plan's Refs of more than one piece are written ("#.#" for 1.1, "A-#" for CSC-07). */
  shapes: Set<string>;
  /** The letters Refs start with ("r" of R2.1), so a Ref typed in lower case keeps its shape. */
  letters: Set<string>;
} {
  const byKeys = new Map<string, string[]>();
  const prefixes = new Map<string, string>();
  let longest = 0;
  const shapes = new Set<string>();
  const letters = new Set<string>();
  for (const ref of refs) {
    const pieces = tokenize(ref);
    if (pieces.length > 1 && pieces[0]?.kind === "word") letters.add(pieces[0].key);
    if (pieces.length > 1) shapes.add(shapeOf(pieces));
    // From the tokens already read, not tokenized again: a plan may have 10,000 Refs.
    const keys = tokenKeys(pieces);
    const key = keys.join(" ");
    const sharing = byKeys.get(key);
    if (sharing) sharing.push(ref);
    else byKeys.set(key, [ref]);
    // Counted with any "/" in it, as the message's tokens are.
    longest = Math.max(longest, pieces.length);
    if (keys.length === 2 && /^[0-9]+$/.test(keys[1] as string))
      prefixes.set(keys[0] as string, ref);
  }
  const numbers = refs.length > 0 && refs.every((ref) => /^[0-9]+$/.test(ref.trim()));
  return { byKeys, prefixes, longest, numbers, shapes, letters };
}

/**
 * A Ref's shape: digits as "#", letters as "A" (capitals) or "a", with what joins them. "6.1" and
 * "1.1" share "#.#"; "covid-19" ("a-#") is not shaped like "CSC-07" ("A-#").
 */
function shapeOf(tokens: Token[]): string {
  return tokens
    .map((token, k) => {
      const piece =
        token.kind === "number"
          ? "#"
          : token.kind === "slash"
            ? "/"
            : token.raw === token.raw.toUpperCase()
              ? "A"
              : "a";
      return `${k > 0 ? (token.glue ?? " ") : ""}${piece}`;
    })
    .join("");
}

/**
 * A word of the message written in the shape of the plan's Refs but not one of them ("6.1" where
 * the plan has 1.1 to 5.6): a Ref the plan lacks, whatever its first part.
 */
function shapedLikeARef(tokens: Token[], start: number, index: RefIndex): number {
  if (tokens[start]?.glue !== undefined) return 0;
  let end = start + 1;
  while (tokens[end]?.glue !== undefined) end++;
  if (end - start < 2) return 0;
  const run = tokens.slice(start, end);
  const shape = shapeOf(run);
  if (index.shapes.has(shape)) return end - start;
  // "r2.7" where the plan writes R2.1: the plan's own letters, typed in lower case.
  const first = run[0] as Token;
  if (
    first.kind === "word" &&
    index.letters.has(first.key) &&
    index.shapes.has(shape.replace(/^a/, "A"))
  )
    return end - start;
  // "CSC-07" in a plan of R2.1 Refs: capitals joined to a number by "-" or "." are a Ref by any
  // council's way of writing one, and a question about one is answered "there is no action".
  return /^A[-.]?#([-./][#Aa]+)*$/.test(shape) && /[-.]/.test(shape) ? end - start : 0;
}

/**
 * Of Refs that share keys, the one written as the message writes it ("1/1" rather than "1.1" when
 * the plan holds both), else the first.
 */
function asWritten(refs: string[], tokens: Token[], start: number, length: number): string {
  if (refs.length === 1) return refs[0] as string;
  const typed = writtenForm(tokens.slice(start, start + length));
  return refs.find((ref) => writtenForm(tokenize(ref)) === typed) ?? (refs[0] as string);
}

/** Tokens put back together with their joins, in lower case. */
function writtenForm(tokens: Token[]): string {
  return tokens.map((token, k) => `${k > 0 ? (token.glue ?? " ") : ""}${token.text}`).join("");
}

/** "CSC-07", "csc 7", "csc07". An unknown number after a known prefix is a missing Ref, not a guess. */
export function refAt(
  tokens: Token[],
  start: number,
  index: RefIndex,
): { term: Term; length: number } | null {
  if (tokens[start]?.kind === "slash") return null;
  let keys = "";
  let longest: { term: Term; length: number } | null = null;
  for (let length = 1; length <= Math.min(index.longest, tokens.length - start); length++) {
    const token = tokens[start + length - 1] as Token;
    // A Ref such as "1/2a" is written with its "/" (its keys leave it out): step over it, but
    // never end a Ref on one, so "1.1 / 1.2" stays two Refs.
    if (token.kind === "slash") continue;
    keys = keys === "" ? token.key : `${keys} ${token.key}`;
    const refs = index.byKeys.get(keys);
    if (refs)
      longest = { term: { kind: "ref", ref: asWritten(refs, tokens, start, length) }, length };
  }
  if (longest) return longest;
  const shaped = shapedLikeARef(tokens, start, index);
  if (shaped) {
    const run = tokens.slice(start, start + shaped);
    // "r2.7" is named as the plan writes its Refs: "R2.7".
    const upper = !index.shapes.has(shapeOf(run)) && index.letters.has(run[0]?.key ?? "");
    const ref = run
      .map(
        (token, k) =>
          `${k > 0 ? token.glue : ""}${k === 0 && upper ? token.raw.toUpperCase() : token.raw}`,
      )
      .join("");
    return { term: { kind: "missingRef", ref }, length: shaped };
  }
  const first = tokens[start];
  if (index.numbers && first?.kind === "number" && tokens[start + 1]?.kind !== "slash") {
    return { term: { kind: "missingRef", ref: first.text }, length: 1 };
  }
  const example = index.prefixes.get(tokens[start]?.key ?? "");
  const number = tokens[start + 1];
  if (example && number?.kind === "number") {
    const digits = example.match(/[0-9]+$/)?.[0] ?? "";
    const missing = example.replace(/[0-9]+$/, number.text.padStart(digits.length, "0"));
    return { term: { kind: "missingRef", ref: missing }, length: 2 };
  }
  return null;
}
