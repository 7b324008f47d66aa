import { makeToken, phraseKeys, type Token } from "./tokens.ts";
import { wordKey } from "./word-forms.ts";

/**
 * Other ways people name the plan's roles and themes. A phrase is rewritten into the plan's own
 * wording before reading; if the plan has no such name, the rewrite is harmless.
 */
const SYNONYMS: [string, string][] = [
  ["head of service", "hos"],
  ["heads of service", "hos"],
  ["principal social worker", "psw"],
  ["independent reviewing officer", "iro"],
  ["local authority designated officer", "lado"],
  ["designated officer", "lado"],
  ["looked after children", "children looked after"],
  ["children in care", "children looked after"],
  ["cla", "children looked after"],
  ["lac", "children looked after"],
  ["children in need", "children in need of help and protection"],
  ["cin", "children in need of help and protection"],
  ["domestic violence", "domestic abuse"],
  ["dv", "domestic abuse"],
  ["mental health", "emotional health"],
  ["well being", "wellbeing"],
  ["special educational needs", "education"],
  ["permanency", "permanence"],
];

type Synonym = { from: string[]; to: string[] };
const COMPILED: Synonym[] = SYNONYMS.map(([from, to]) => ({
  from: phraseKeys(from),
  to: to.split(" "),
}));

/**
 * The synonyms that fit a plan: a plan whose names use both phrases of one ("Mental Health" in
 * one priority, "Emotional Health" in another) means two things by them, so that rewrite is left
 * out and each name is read as written.
 */
export function synonymsFor(names: readonly string[]): readonly Synonym[] {
  const written = writtenNames(names);
  return COMPILED.filter(({ from, to }) => {
    const fromPhrase = ` ${from.join(" ")} `;
    const toPhrase = toPhraseOf(to);
    // A name holding both ("Children in need of help and protection") is the same thing.
    const fromAlone = written.some((name) => name.includes(fromPhrase) && !name.includes(toPhrase));
    return !(fromAlone && written.some((name) => name.includes(toPhrase)));
  });
}

/**
 * `synonyms` without a one-word abbreviation that spells the initials of one of the plan's names
 * when no name holds what it would be rewritten into: "LAC" in a plan with "Learning of the
 * Assessment Commissioning" and nothing "looked after" is that name, not a rewrite that finds
 * nothing. `initials` are the keys of the initials the plan's names spell.
 */
export function withoutAbbreviationsSpelt(
  synonyms: readonly Synonym[],
  names: readonly string[],
  initials: ReadonlySet<string>,
): readonly Synonym[] {
  const written = writtenNames(names);
  return synonyms.filter(
    ({ from, to }) =>
      !(from.length === 1 && initials.has(from[0] as string)) ||
      written.some((name) => name.includes(toPhraseOf(to))),
  );
}

/** Each name as its keys, spaced at both ends, so a phrase is found as whole words. */
const writtenNames = (names: readonly string[]) =>
  names.map((name) => ` ${phraseKeys(name).join(" ")} `);

const toPhraseOf = (to: readonly string[]) => ` ${to.map((word) => wordKey(word)).join(" ")} `;

/** Rewrites synonyms; the first rewritten token shows what was typed so answers echo it. */
export function applySynonyms(tokens: Token[], synonyms: readonly Synonym[] = COMPILED): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < tokens.length) {
    const hit = synonyms.find(({ from }) => from.every((key, k) => tokens[i + k]?.key === key));
    if (!hit) {
      out.push(tokens[i] as Token);
      i++;
      continue;
    }
    const typed = tokens
      .slice(i, i + hit.from.length)
      .map((token) => token.raw)
      .join(" ");
    hit.to.forEach((word, k) => {
      out.push({ ...makeToken(word), raw: k === 0 ? typed : "" });
    });
    i += hit.from.length;
  }
  return out;
}

/** The abbreviations synonyms write a role as ("hos" for "head of service"): each names a role. */
export const ROLE_ABBREVIATIONS: ReadonlySet<string> = new Set(
  SYNONYMS.filter(([, to]) => !to.includes(" ")).map(([, to]) => to),
);

/** Words synonyms introduce or accept, so the spelling corrector knows them. */
export const SYNONYM_WORDS: string[] = SYNONYMS.flatMap(([from, to]) => `${from} ${to}`.split(" "));
