import { corePhrases } from "./core-phrases.ts";
import { FILLERS } from "./filler-phrases.ts";
import { PhraseIndex } from "./phrase-index.ts";
import {
  applySynonyms,
  ROLE_ABBREVIATIONS,
  synonymsFor,
  withoutAbbreviationsSpelt,
} from "./synonyms.ts";
import type { NameTerm, Term } from "./terms.ts";
import { makeToken, type Token, tokenize } from "./tokens.ts";
import type { PlanVocabulary } from "./vocabulary.ts";
import { STOPWORDS, wordKey } from "./word-forms.ts";

/**
 * The plan's own names: priorities, Leads, delivery areas and sections, read from the plan's data.
 * A name is found whole, or by any run of its words that points at it alone ("domestic abuse",
 * "emotional health", "hubs" of "Family Hubs"), or by the initials of a run ("IRO" for
 * "Independent Reviewing Officer"). A run several names share ("wellbeing" of a priority and an
 * area) asks which; words common to many names ("children", "manager") pick none, so they never
 * pick a name by chance. Names are read through the same synonyms as messages.
 */
export type NameIndexes = {
  /** Every priority, Lead, area and section, by whole name and by part. */
  names: PhraseIndex;
  /** The store's plans, when it holds several; empty with one. */
  plans: PhraseIndex;
  /** Initials that are also everyday words ("CAT"): names only when typed in capitals. */
  capsOnly: ReadonlySet<string>;
  synonyms: Synonyms;
};

type Synonyms = ReturnType<typeof synonymsFor>;

/**
 * Words of children's services and of questions that never point at a name on their own, in any
 * council's plan ("children", "service", "manager"). Whether any other word points at one name is
 * worked out from the plan's own names.
 */
const GENERIC = new Set(
  `children child young people person service services plan action need help care team manager
  worker social family families support officer head`
    .split(/\s+/)
    .filter(Boolean),
);
/**
 * Words the fixed grammar reads on their own ("red", "overdue"). A word it knows only inside a
 * longer phrase ("missing" of "missing rag") may still name something ("Missing from Home").
 */
function grammarWords(): string[] {
  const core = corePhrases();
  return [...core.words].filter((word) => core.longestAt([makeToken(word)], 0)?.length === 1);
}
let neverDistinctive: Set<string> | undefined;
/** Words never distinctive enough to name something alone; built with the grammar, on first use. */
function neverDistinctiveWords(): Set<string> {
  neverDistinctive ??= new Set([...GENERIC, ...STOPWORDS, ...FILLERS, ...grammarWords()]);
  return neverDistinctive;
}

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
  const synonyms = synonymsFor(allNames(vocab));
  const read = (name: string) => nameTokens(name, synonyms);
  const things = namedThings(vocab, read);
  // A plan word the plan writes in capitals ("DCO") is its abbreviation, not an everyday word.
  const written = new Set((vocab.acronyms ?? []).map(wordKey));
  const ordinary = new Set([
    ...neverDistinctiveWords(),
    ...EVERYDAY_SHORT_WORDS,
    ...(vocab.words ?? []).map(wordKey).filter((word) => !written.has(word)),
  ]);
  const parts = nameParts(things);
  const names = new PhraseIndex();
  // Whole names first, so a whole name wins over another name's part of the same length.
  for (const thing of things) {
    // A one-word role ("IRO") that other names hold too ("IRO/CP/LADO") may mean either.
    const shared = oneWordRoleShared(thing, things, parts);
    if (shared) shared.things.unshift(thing);
    else {
      names.addTokens(thing.tokens, thing.term);
      if (thing.written !== thing.tokens) names.addTokens(thing.written, thing.term);
    }
  }
  for (const part of parts.values()) {
    // Initials spelt by a longer name ("Head of SEND" → HoS) are weaker than the abbreviation
    // written in a name or a role's written-out form ("Head of Service"): they never outrank them.
    const strong = part.things.filter((thing) => !part.weak.has(thing));
    const things = strong.length > 0 ? strong : part.things;
    const term = partTerm(things, part.run, strong.length === 0);
    if (term) names.addTokens(part.run, term);
  }
  for (const exact of exactLeads(vocab.leads, read)) names.addTokens(exact.tokens, exact.term);
  const capsOnly = new Set(
    [...parts.values()]
      .filter((part) => part.initials && ordinary.has(part.run[0]?.key ?? ""))
      .map((part) => part.run[0]?.key ?? ""),
  );
  const plans = vocab.plans ?? [];
  const plansIndex =
    plans.length === 0 && vocab.plan ? onePlanIndex(vocab.plan, read) : planIndex(plans, read);
  // The plan's own initials ("LAC" of "Learning of the Assessment Commissioning") are read as its
  // names, not rewritten by a synonym into a name the plan does not have.
  const initials = new Set(
    [...parts.values()].filter((part) => part.initials).map((part) => part.run[0]?.key ?? ""),
  );
  return {
    names,
    plans: plansIndex,
    capsOnly,
    synonyms: withoutAbbreviationsSpelt(synonyms, allNames(vocab), initials),
  };
}

function allNames(vocab: PlanVocabulary): string[] {
  return [
    ...vocab.priorities.map((priority) => priority.name),
    ...vocab.leads,
    ...vocab.deliveryAreas,
    ...vocab.sections,
  ];
}

/** One name of the plan: what it stands for, how it is shown, and its words. */
type Thing = {
  id: string;
  term: NameTerm;
  label: string;
  name: string;
  /** The name's words through the synonyms, as messages are read ("PSW"). */
  tokens: Token[];
  /** The name's words as written ("Principal Social Worker"), so any of them finds it too. */
  written: Token[];
};

/** Each priority, Lead role, area and section once, in the order a tie is settled. */
function namedThings(vocab: PlanVocabulary, read: (name: string) => Token[]): Thing[] {
  const things = new Map<string, Thing>();
  const add = (kind: string, name: string, term: NameTerm, label: string) => {
    const tokens = read(name);
    const asWritten = tokenize(name).filter((token) => token.kind !== "slash");
    // Only kept apart when a synonym changed the words, so each phrase is indexed once.
    const same = asWritten.map((t) => t.key).join(" ") === tokens.map((t) => t.key).join(" ");
    const written = same ? tokens : asWritten;
    const id = `${kind}:${tokens.map((token) => token.key).join(" ")}`;
    if (tokens.length > 0 && !things.has(id))
      things.set(id, { id, term, label, name, tokens, written });
  };
  for (const [name, term] of priorityTerms(vocab.priorities, read)) {
    const numbers = term.kind === "priority" ? term.numbers.join(" and ") : "";
    add("priority", name, term, `Priority ${numbers}: ${name}`);
  }
  for (const lead of vocab.leads) {
    const parts = splitLead(lead);
    for (const part of parts) {
      // A Lead cell of one role in several words ("Service Manager") said whole is that Lead,
      // not every Lead holding those words ("SEND Service Manager"); one word ("IRO") is a role.
      const whole = parts.length === 1 && read(part).length > 1;
      const match = whole ? "exact" : "part";
      add("lead", part, { kind: "lead", lead: { match, value: part } }, `Lead: ${part}`);
    }
  }
  for (const name of vocab.deliveryAreas)
    add("area", name, { kind: "area", name }, `Area: ${name}`);
  for (const name of vocab.sections)
    add("section", name, { kind: "section", name }, `Section: ${name}`);
  return [...things.values()];
}

/** The part a one-word Lead role shares with names other than Leads, if any. */
function oneWordRoleShared(
  thing: Thing,
  things: Thing[],
  parts: Map<string, Part>,
): Part | undefined {
  if (thing.term.kind !== "lead" || thing.tokens.length !== 1) return undefined;
  const key = (thing.tokens[0] as Token).key;
  const part = parts.get(key);
  // Another name that is this word whole ("LADO" the area) is read with the role, as before.
  const sameWord = (other: Thing) => other.tokens.length === 1 && other.tokens[0]?.key === key;
  if (things.some((other) => other !== thing && sameWord(other))) return undefined;
  return part?.things.some((other) => other.term.kind !== "lead") ? part : undefined;
}

/** A whole Lead cell of several roles means that cell ("HoS / Service Manager"). */
function exactLeads(leads: string[], read: (name: string) => Token[]) {
  return leads
    .filter((lead) => splitLead(lead).length > 1)
    .map((lead) => ({
      tokens: read(lead),
      term: { kind: "lead", lead: { match: "exact", value: lead } } as Term,
    }));
}

/** The longest name whose parts are looked at: a priority may be a sentence, never an essay. */
const MAX_NAME_WORDS = 24;
/** A part shared by more names than this picks none: it is too common in this plan to mean one. */
const MAX_CHOICES = 4;

/** `weak`: the names the part only spells the initials of. */
type Part = { run: Token[]; things: Thing[]; initials: boolean; weak: Set<Thing> };

/**
 * Small words a part of a name never starts or ends on ("of", "and", "including"): "after" of
 * "Children Looked After" is not one of them, so "children looked after" is a part.
 */
const JOINERS = new Set(
  `a an and or nor of the to in into on at by for from with within including their its his her our
  your as than that which who whose whom both either each any all some but is are was were be been`
    .split(/\s+/)
    .filter(Boolean),
);

/**
 * Every part of every name, with the names it points at: runs of words that neither start nor end
 * on "of", "and"… and hold a word that is not everyday, and the initials of runs of two or more
 * words (with and without the small words: "CAMHS", "CLA").
 */
function nameParts(things: Thing[]): Map<string, Part> {
  const parts = new Map<string, Part>();
  const note = (run: Token[], thing: Thing, initials: boolean) => {
    const key = run.map((token) => token.key).join(" ");
    const part = parts.get(key) ?? { run, things: [], initials, weak: new Set<Thing>() };
    if (!part.things.includes(thing)) {
      part.things.push(thing);
      if (initials) part.weak.add(thing);
    }
    if (!initials) part.weak.delete(thing);
    part.initials &&= initials;
    parts.set(key, part);
  };
  for (const thing of things) {
    for (const form of thing.written === thing.tokens
      ? [thing.tokens]
      : [thing.tokens, thing.written])
      notePartsOf(thing, form, note);
  }
  return parts;
}

function notePartsOf(
  thing: Thing,
  tokens: Token[],
  note: (run: Token[], thing: Thing, initials: boolean) => void,
): void {
  const words = tokens
    .filter((token) => token.kind === "word" || token.kind === "number")
    .slice(0, MAX_NAME_WORDS);
  const whole = words.map((token) => token.key).join(" ");
  for (let from = 0; from < words.length; from++) {
    if (JOINERS.has((words[from] as Token).key)) continue;
    for (let to = from; to < words.length; to++) {
      const run = words.slice(from, to + 1);
      const last = run[run.length - 1] as Token;
      if (JOINERS.has(last.key)) continue;
      const keys = run.map((token) => token.key).join(" ");
      if (keys !== whole && run.some(telling)) note(run, thing, false);
      // Initials spell a phrase of the name, not a piece cut from one: "Head of Early" of "Head
      // of Early Help" spells nothing a manager would type.
      const startsPhrase = from === 0 || bounds(words[from - 1] as Token);
      const endsPhrase = to === words.length - 1 || bounds(words[to + 1] as Token);
      if (run.length >= 2 && startsPhrase && endsPhrase) {
        for (const letters of initialsOf(run)) note([makeToken(letters)], thing, true);
      }
    }
  }
}

/**
 * A small word, a number ("4: Child protection medicals") or an abbreviation ("CAMHS Fostering
 * Children Partnership") ends a phrase of a name.
 */
const bounds = (token: Token): boolean =>
  token.kind === "number" || JOINERS.has(token.key) || isAcronym(token.raw);

/**
 * A word that can point at a name: not everyday, and long enough or an abbreviation, whether in
 * capitals ("IRO"), mixed ("HoS") or a role written out ("Head of Service", read as "hos").
 */
function telling(token: Token): boolean {
  if (token.kind !== "word") return false;
  if (isAcronym(token.raw) || isMixedAbbreviation(token.raw) || ROLE_ABBREVIATIONS.has(token.key))
    return !STOPWORDS.has(token.key);
  return token.text.length >= 4 && !neverDistinctiveWords().has(token.key);
}

/** "HoS", "CiC": an abbreviation with capitals and small letters, short. */
const isMixedAbbreviation = (raw: string): boolean =>
  raw.length <= 6 && (raw.match(/\p{Lu}/gu)?.length ?? 0) >= 2 && /\p{Ll}/u.test(raw);

/** Two-letter words of everyday English: as initials ("IT", "ME") they need capitals. */
const EVERYDAY_SHORT_WORDS = new Set(
  "am an as at be by do go he hi if in is it me my no of oh ok on or so to up us we".split(" "),
);

/**
 * "Child and Adolescent Mental Health Services" → CAAMHS and CAMHS; three letters or more, or
 * two for a name of two words ("QA" for "Quality Assurance").
 */
function initialsOf(run: Token[]): string[] {
  if (run.some((token) => token.kind !== "word")) return [];
  if (run.length === 2 && run.every((token) => !STOPWORDS.has(token.key) && telling(token)))
    return [run.map((token) => token.text[0]).join("")];
  const all = run.map((token) => token.text[0]).join("");
  const main = run
    .filter((token) => !STOPWORDS.has(token.key))
    .map((token) => token.text[0])
    .join("");
  return [...new Set([all, main])].filter((letters) => letters.length >= 3);
}

/**
 * What a part of a name stands for: the one name it points at; several Lead roles sharing it
 * ("Team Manager") are every Lead with it, as the roles are asked about; a few names of different
 * kinds are a choice; many, none.
 */
function partTerm(things: Thing[], run: Token[], initials: boolean): Term | null {
  const [only] = things;
  if (!only || things.length > MAX_CHOICES) return null;
  if (things.length === 1) return { kind: "namePart", name: only.term, label: only.label };
  if (!initials && things.every((thing) => thing.term.kind === "lead")) {
    const value = run.map((token) => token.raw).join(" ");
    const term: NameTerm = { kind: "lead", lead: { match: "part", value } };
    return { kind: "namePart", name: term, label: `Lead: ${value}` };
  }
  return {
    kind: "nameChoice",
    options: things.map(({ term, label, name }) => ({ term, label, name })),
  };
}

/**
 * A priority's name points at its plan too, when the words come from several plans. A name two
 * plans share stands for that priority in either plan (the answer then shows each under its plan).
 */
function priorityTerms(
  priorities: PlanVocabulary["priorities"],
  read: (name: string) => Token[],
): [string, NameTerm][] {
  const byName = new Map<string, { name: string; numbers: number[]; plans: Set<string> }>();
  for (const { number, name, plan } of priorities) {
    const key = read(name)
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
function planIndex(
  plans: { id: string; name: string }[],
  read: (name: string) => Token[],
): PhraseIndex {
  const index = new PhraseIndex();
  const distinctive = distinctiveWords(
    plans.map((plan) => plan.name),
    read,
  );
  const plan = tokenize("plan");
  for (const { id, name } of plans) {
    const term: Term = { kind: "plan", id };
    const whole = read(name);
    const runs = [whole, ...distinctiveRuns(whole, distinctive)];
    for (const run of runs) {
      index.addTokens(run, term);
      if (run.at(-1)?.key !== plan[0]?.key) index.addTokens([...run, ...plan], term);
    }
  }
  // Added after each plan's own phrases so those win; a shared run never holds a distinctive word.
  for (const { run, ids } of sharedRuns(plans, plan[0]?.key ?? "plan", read)) {
    const phrase = run.at(-1)?.key === plan[0]?.key ? run : [...run, ...plan];
    index.addTokens(phrase, { kind: "planChoice", ids });
  }
  return index;
}

/**
 * The one plan, named whole or by words of its name followed by "plan" ("the Rutland plan"): the
 * question is about it anyway, so naming it narrows nothing. Its words alone stay free text.
 */
function onePlanIndex(one: { id: string; name: string }, read: (name: string) => Token[]) {
  const index = new PhraseIndex();
  const term: Term = { kind: "plan", id: one.id };
  const plan = tokenize("plan");
  const whole = read(one.name);
  index.addTokens(whole, term);
  const distinctive = distinctiveWords([one.name], read);
  for (const run of distinctiveRuns(whole, distinctive)) {
    if (run.at(-1)?.key !== plan[0]?.key) index.addTokens([...run, ...plan], term);
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
  read: (name: string) => Token[],
): { run: Token[]; ids: string[] }[] {
  const byKeys = new Map<string, { run: Token[]; ids: Set<string> }>();
  for (const { id, name } of plans) {
    const words = read(name).filter((token) => token.kind === "word");
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

function nameTokens(name: string, synonyms: Synonyms): Token[] {
  return applySynonyms(tokenize(name), synonyms).filter((token) => token.kind !== "slash");
}

function distinctiveWords(names: string[], read: (name: string) => Token[]): Set<string> {
  const uses = new Map<string, Set<string>>();
  const acronyms = new Set<string>();
  for (const name of names) {
    const words = read(name).filter((token) => token.kind === "word");
    const normalised = words.map((token) => token.key).join(" ");
    for (const token of words) {
      uses.set(token.key, (uses.get(token.key) ?? new Set()).add(normalised));
      if (isAcronym(token.raw)) acronyms.add(token.key);
    }
  }
  const distinctive = new Set<string>();
  for (const [key, inNames] of uses) {
    // An abbreviation written in capitals ("SEND") names the thing even if it is also a word.
    const common = acronyms.has(key) ? STOPWORDS.has(key) : neverDistinctiveWords().has(key);
    if (inNames.size !== 1 || common) continue;
    if (key.length >= 4 || acronyms.has(key)) distinctive.add(key);
  }
  return distinctive;
}

const isAcronym = (raw: string): boolean =>
  raw.length >= 2 && raw === raw.toUpperCase() && /\p{L}/u.test(raw);

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
export function acceptsName(
  tokens: Token[],
  start: number,
  length: number,
  capsOnly: ReadonlySet<string>,
): boolean {
  const token = tokens[start] as Token;
  if (length > 1 || isAcronym(token.raw)) return true;
  if (capsOnly.has(token.key)) return false;
  if (!EVERYDAY_ACRONYMS.has(token.key)) return true;
  const before = tokens[start - 1];
  return start === tokens.length - 1 || (before !== undefined && NAME_LEADERS.has(before.key));
}
