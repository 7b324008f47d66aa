import { makeToken, phraseKeys, type Token } from "./tokens.ts";

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

const COMPILED = SYNONYMS.map(([from, to]) => ({ from: phraseKeys(from), to: to.split(" ") }));

/** Rewrites synonyms; the first rewritten token shows what was typed so answers echo it. */
export function applySynonyms(tokens: Token[]): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < tokens.length) {
    const hit = COMPILED.find(({ from }) => from.every((key, k) => tokens[i + k]?.key === key));
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

/** Words synonyms introduce or accept, so the spelling corrector knows them. */
export const SYNONYM_WORDS: string[] = SYNONYMS.flatMap(([from, to]) => `${from} ${to}`.split(" "));
