import { CORE_PHRASES } from "./core-phrases.ts";
import { FILLERS } from "./filler-phrases.ts";
import { PhraseIndex } from "./phrase-index.ts";
import { applySynonyms } from "./synonyms.ts";
import type { Term } from "./terms.ts";
import { type Token, tokenize } from "./tokens.ts";
import type { PlanVocabulary } from "./vocabulary.ts";
import { STOPWORDS } from "./word-forms.ts";

/**
 * The plan's own names: priorities, Leads, delivery areas and sections. A name is found whole
 * or by any run of its words that holds a word no other name uses ("domestic abuse",
 * "protecting children", "fostering", "IRO" in "IRO Manager"); words shared by several names
 * ("children", "manager") are not enough on their own, so they never pick a name by chance.
 * Names are read through the same synonyms as messages, so "Children in Care" still matches.
 */
export type NameIndexes = {
  priorities: PhraseIndex;
  leads: PhraseIndex;
  areas: PhraseIndex;
  sections: PhraseIndex;
  /** The store's plans, when it holds several; empty with one. */
  plans: PhraseIndex;
};

/** Words too common in children's services, or in questions, to pick out one name. */
const GENERIC = new Set(
  `children child young people person service plan action become including work development making
  achieving need help care team manager worker social family support after local area whole through
  officer head`
    .split(/\s+/)
    .filter(Boolean),
);
const NEVER_DISTINCTIVE = new Set([...GENERIC, ...STOPWORDS, ...FILLERS, ...CORE_PHRASES.words]);

/** Capitalised abbreviations that are also everyday words: only read as names where a name fits. */
const EVERYDAY_ACRONYMS = new Set(["send", "care", "help", "need", "act", "it", "us"]);
const NAME_LEADERS = new Set([
  "for",
  "about",
  "on",
  "with",
  "re",
  "in",
  "and",
  "or",
  "priority",
  "p",
  "of",
]);

export function buildNameIndexes(vocab: PlanVocabulary): NameIndexes {
  const leadParts = vocab.leads.flatMap(splitLead);
  const distinctive = distinctiveWords([
    ...vocab.priorities.map((p) => p.name),
    ...vocab.deliveryAreas,
    ...vocab.sections,
    ...leadParts,
  ]);
  const index = (names: [string, Term][]) => {
    const phrases = new PhraseIndex();
    for (const [name, term] of names) addNameRuns(phrases, name, distinctive, term);
    return phrases;
  };
  return {
    priorities: index(priorityTerms(vocab.priorities)),
    leads: leadIndex(vocab.leads, distinctive),
    areas: index(vocab.deliveryAreas.map((name) => [name, { kind: "area", name }])),
    sections: index(vocab.sections.map((name) => [name, { kind: "section", name }])),
    plans: planIndex(vocab.plans ?? []),
  };
}

/**
 * A priority's name points at its plan too, when the words come from several plans. A name two
 * plans share stands for that priority in either plan (the answer then shows each under its plan).
 */
function priorityTerms(priorities: PlanVocabulary["priorities"]): [string, Term][] {
  const byName = new Map<string, { name: string; numbers: number[]; plans: Set<string> }>();
  for (const { number, name, plan } of priorities) {
    const key = nameTokens(name)
      .map((token) => token.key)
      .join(" ");
    const seen = byName.get(key) ?? { name, numbers: [], plans: new Set<string>() };
    if (!seen.numbers.includes(number)) seen.numbers.push(number);
    if (plan) seen.plans.add(plan);
    byName.set(key, seen);
  }
  return [...byName.values()].map(({ name, numbers, plans }) => {
    const [plan] = plans;
    return [
      name,
      plans.size === 1 && plan
        ? { kind: "priority", numbers, plan }
        : { kind: "priority", numbers },
    ];
  });
}

/**
 * A plan is named by its whole name or by a run of its words holding one no other plan's name
 * uses ("SEND", "early help"), with or without "plan" after it ("the SEND plan", "early help
 * plan"). Words are judged against the other plans' names only: "SEND" in a priority of one plan
 * still names the SEND plan when "plan" follows it, since the longer phrase wins.
 */
function planIndex(plans: { id: string; name: string }[]): PhraseIndex {
  const index = new PhraseIndex();
  const distinctive = distinctiveWords(plans.map((plan) => plan.name));
  const plan = tokenize("plan");
  for (const { id, name } of plans) {
    const term: Term = { kind: "plan", id };
    const whole = nameTokens(name);
    const runs = [whole, ...distinctiveRuns(whole, distinctive)];
    for (const run of runs) {
      index.addTokens(run, term);
      if (run.at(-1)?.key !== plan[0]?.key) index.addTokens([...run, ...plan], term);
    }
  }
  // Added after each plan's own phrases so those win; a shared run never holds a distinctive word.
  for (const { run, ids } of sharedRuns(plans, plan[0]?.key ?? "plan")) {
    const phrase = run.at(-1)?.key === plan[0]?.key ? run : [...run, ...plan];
    index.addTokens(phrase, { kind: "planChoice", ids });
  }
  return index;
}

/**
 * Runs of words two or more plans' names share ("Improvement" of "SEND Improvement Plan" and
 * "Early Help Improvement Plan"). Followed by "plan" they are meant as a plan, but no one plan: the
 * answer asks which rather than guessing or mixing them. A run must hold a real word besides
 * "plan", so "the plan" alone still means every plan.
 */
function sharedRuns(
  plans: { id: string; name: string }[],
  planKey: string,
): { run: Token[]; ids: string[] }[] {
  const byKeys = new Map<string, { run: Token[]; ids: Set<string> }>();
  for (const { id, name } of plans) {
    const words = nameTokens(name).filter((token) => token.kind === "word");
    for (let from = 0; from < words.length; from++) {
      for (let to = from; to < words.length; to++) {
        const run = words.slice(from, to + 1);
        const last = run[run.length - 1] as Token;
        const real = run.some((token) => token.key !== planKey && !STOPWORDS.has(token.key));
        if (STOPWORDS.has(last.key) || !real) continue;
        const keys = run.map((token) => token.key).join(" ");
        const seen = byKeys.get(keys) ?? { run, ids: new Set<string>() };
        seen.ids.add(id);
        byKeys.set(keys, seen);
      }
    }
  }
  return [...byKeys.values()]
    .filter(({ ids }) => ids.size > 1)
    .map(({ run, ids }) => ({ run, ids: [...ids] }));
}

/** "HoS/ Service Manager" → ["HoS", "Service Manager"]. */
export function splitLead(lead: string): string[] {
  return lead
    .split("/")
    .map((part) => part.trim())
    .filter(Boolean);
}

/**
 * A whole Lead cell of several roles means that cell ("HoS / Service Manager"); one role, or a
 * distinctive word of one ("IRO" of "IRO Manager"), means every Lead that includes it. The
 * first spelling of each is kept for display.
 */
function leadIndex(leads: string[], distinctive: Set<string>): PhraseIndex {
  const index = new PhraseIndex();
  for (const lead of leads) {
    for (const part of splitLead(lead)) {
      index.addTokens(nameTokens(part), { kind: "lead", lead: { match: "part", value: part } });
    }
  }
  for (const lead of leads) {
    if (splitLead(lead).length > 1) {
      index.addTokens(nameTokens(lead), { kind: "lead", lead: { match: "exact", value: lead } });
    }
  }
  for (const lead of leads) {
    for (const part of splitLead(lead)) {
      for (const run of distinctiveRuns(tokenize(part), distinctive)) {
        const value = run.map((token) => token.raw).join(" ");
        index.addTokens(run, { kind: "lead", lead: { match: "part", value } });
      }
    }
  }
  return index;
}

function nameTokens(name: string): Token[] {
  return applySynonyms(tokenize(name)).filter((token) => token.kind !== "slash");
}

function distinctiveWords(names: string[]): Set<string> {
  const uses = new Map<string, Set<string>>();
  const acronyms = new Set<string>();
  for (const name of names) {
    const words = nameTokens(name).filter((token) => token.kind === "word");
    const normalised = words.map((token) => token.key).join(" ");
    for (const token of words) {
      uses.set(token.key, (uses.get(token.key) ?? new Set()).add(normalised));
      if (isAcronym(token.raw)) acronyms.add(token.key);
    }
  }
  const distinctive = new Set<string>();
  for (const [key, inNames] of uses) {
    // An abbreviation written in capitals ("SEND") names the thing even if it is also a word.
    const common = acronyms.has(key) ? STOPWORDS.has(key) : NEVER_DISTINCTIVE.has(key);
    if (inNames.size !== 1 || common) continue;
    if (key.length >= 4 || acronyms.has(key)) distinctive.add(key);
  }
  return distinctive;
}

const isAcronym = (raw: string): boolean =>
  raw.length >= 2 && raw === raw.toUpperCase() && /\p{L}/u.test(raw);

/** The whole name, and every run of its words that holds a distinctive one. */
function addNameRuns(index: PhraseIndex, name: string, distinctive: Set<string>, term: Term): void {
  index.addTokens(nameTokens(name), term);
  for (const word of tokenize(name)) if (word.kind === "word") index.words.add(word.text);
  for (const run of distinctiveRuns(nameTokens(name), distinctive)) index.addTokens(run, term);
}

/** Runs of a name's words that hold a distinctive word and do not end on "of", "and"… */
function distinctiveRuns(tokens: Token[], distinctive: Set<string>): Token[][] {
  const words = tokens.filter((token) => token.kind === "word" || token.kind === "number");
  const runs: Token[][] = [];
  for (let from = 0; from < words.length; from++) {
    for (let to = from; to < words.length; to++) {
      const run = words.slice(from, to + 1);
      const last = run[run.length - 1] as Token;
      if (STOPWORDS.has(last.key) || !run.some((token) => distinctive.has(token.key))) continue;
      runs.push(run);
    }
  }
  return runs;
}

/**
 * Whether a one-word name typed in lower case ("send") should be read as the name: only where a
 * name fits ("for send", "priority send", at the end), not as a verb ("send me the reds").
 */
export function acceptsName(tokens: Token[], start: number, length: number): boolean {
  const token = tokens[start] as Token;
  if (length > 1 || !EVERYDAY_ACRONYMS.has(token.key) || isAcronym(token.raw)) return true;
  const before = tokens[start - 1];
  return start === tokens.length - 1 || (before !== undefined && NAME_LEADERS.has(before.key));
}
