import type { CorpusPlan } from "./plans.ts";
import { COMMON_WORDS, containsRun, fold, QUESTION_WORDS, SMALL_WORDS, words } from "./words.ts";

export type NameKind = "priority" | "section" | "area" | "lead";

/** One name the plan holds, the actions it names, and the shorter ways a manager may say it. */
export type PlanName = {
  kind: NameKind;
  text: string;
  words: string[];
  refs: string[];
  /** Distinctive-looking words and runs of words inside the name. */
  parts: string[];
  /** Acronyms written in the name (SEND, CAMHS, LADO) and the initials of a short name (PSW). */
  abbreviations: string[];
  /** Those of the abbreviations that are initials, not written in the name. */
  initials: string[];
};

/** A phrase's possible readings: each a set of actions; leads sharing the phrase read together. */
export type Reading = { kind: NameKind; names: string[]; refs: string[] };

const GENERIC_PRIORITY = /^priority\s+\d+$/i;

/** Every priority, section, delivery area and lead of a plan, each with the actions it names. */
export function planNames(corpus: CorpusPlan): PlanName[] {
  const names: PlanName[] = [];
  const add = (kind: NameKind, text: string, refs: string[]) => {
    if (!text.trim() || refs.length === 0) return;
    names.push({ kind, text, words: words(text), refs, ...shorterForms(text) });
  };
  for (const priority of corpus.plan.priorities) {
    if (GENERIC_PRIORITY.test(priority.name)) continue;
    add(
      "priority",
      priority.name,
      corpus.actions.filter((a) => a.priorities.includes(priority.number)).map((a) => a.ref),
    );
  }
  const distinct = (values: string[]) => [...new Set(values.filter((v) => v.trim() !== ""))];
  for (const section of distinct(corpus.actions.map((a) => a.section))) {
    add(
      "section",
      section,
      corpus.actions.filter((a) => a.section === section).map((a) => a.ref),
    );
  }
  for (const area of distinct(corpus.actions.map((a) => a.deliveryArea))) {
    add(
      "area",
      area,
      corpus.actions.filter((a) => a.deliveryArea === area).map((a) => a.ref),
    );
  }
  for (const lead of distinct(corpus.actions.map((a) => a.lead))) {
    if (/^tbc$/i.test(lead.trim())) continue;
    add(
      "lead",
      lead,
      corpus.actions.filter((a) => a.lead === lead).map((a) => a.ref),
    );
  }
  return names;
}

function shorterForms(text: string): {
  parts: string[];
  abbreviations: string[];
  initials: string[];
} {
  const parts = new Set<string>();
  const abbreviations = new Set<string>();
  const initialsOf = new Set<string>();
  // Parts come from one stretch of the name at a time: "HoS / Service Manager" is two.
  for (const segment of text.split(/[/\u2013\u2014,;:()]|\s-\s/)) {
    const raw = segment.replace(/['\u2019]s\b/g, "").match(/[A-Za-z0-9]+/g) ?? [];
    const lower = raw.map((w) => w.toLowerCase());
    for (let i = 0; i < lower.length; i++) {
      const word = lower[i] as string;
      if (word.length >= 4 && isContent(word) && !COMMON_WORDS.has(fold(word)) && !notAlone(word)) {
        parts.add(raw[i] as string);
      }
      // A run is a phrase of its own: it starts and ends where the name's phrases do (its ends,
      // or beside "and", "of", "with"), as in "Emotional wellbeing" and "CAMHS waiting times".
      const startsPhrase = (i === 0 || SMALL_WORDS.has(lower[i - 1] as string)) && !notAlone(word);
      for (const length of [2, 3]) {
        const run = lower.slice(i, i + length);
        if (!startsPhrase || run.length < length) continue;
        const after = lower[i + length];
        if (after !== undefined && !SMALL_WORDS.has(after)) continue;
        if (SMALL_WORDS.has(run[0] as string) || SMALL_WORDS.has(run[length - 1] as string))
          continue;
        if (run.some((w) => QUESTION_WORDS.has(w) || /^\d+$/.test(w))) continue;
        if (run.every((w) => COMMON_WORDS.has(fold(w)) || SMALL_WORDS.has(w))) continue;
        parts.add(raw.slice(i, i + length).join(" "));
      }
    }
    for (const token of raw) {
      const capitals = token.replace(/[^A-Z]/g, "").length;
      if (
        capitals >= 2 &&
        token.length >= 3 &&
        token.length <= 6 &&
        isContent(token.toLowerCase())
      ) {
        abbreviations.add(token);
      }
    }
    // "Head of Standards" spells HoS with its small word, as a role is abbreviated.
    if (lower.length === 3 && lower[1] === "of" && !SMALL_WORDS.has(lower[0] as string)) {
      const letters = `${lower[0]?.[0]}o${lower[2]?.[0]}`;
      abbreviations.add(letters.toUpperCase());
      initialsOf.add(letters.toUpperCase());
    }
    const content = lower.filter((w) => !SMALL_WORDS.has(w) && !/^\d+$/.test(w));
    if (content.length === 3) {
      const initials = content.map((w) => w[0]).join("");
      if (isContent(initials)) {
        abbreviations.add(initials.toUpperCase());
        initialsOf.add(initials.toUpperCase());
      }
    }
  }
  const whole = words(text).join(" ");
  return {
    parts: [...parts].filter((p) => words(p).join(" ") !== whole),
    abbreviations: [...abbreviations].filter((a) => words(a).join(" ") !== whole),
    initials: [...initialsOf].filter((a) => !text.includes(a)),
  };
}

/** Words that are part of a phrase but name nothing on their own ("early", "front", "making"). */
const NOT_ALONE = new Set(
  `early front door need looked making through tackling protecting ensure improve that have times
   waiting head help social worker officer business reviewing independent assistant quality assurance`.split(
    /\s+/,
  ),
);

function notAlone(word: string): boolean {
  return NOT_ALONE.has(word) || NOT_ALONE.has(fold(word));
}

function isContent(word: string): boolean {
  return !SMALL_WORDS.has(word) && !QUESTION_WORDS.has(word) && !/^\d+$/.test(word);
}

/**
 * What a phrase can mean in this plan: every name holding it as a run of whole words, or whose
 * initials it spells. Leads are one reading together (the role "HoS" is in several Lead cells and
 * means them all, as the product documents for "what is overdue for HoS"); any other name is a
 * reading of its own. Readings naming the same actions are one reading, since the answer is the same.
 */
export function readingsOf(phrase: string, names: readonly PlanName[]): Reading[] {
  const wanted = words(phrase);
  const spelled = phrase.replace(/\s+/g, "").toUpperCase();
  // A name said whole is that name, even where it is also part of a longer one ("Children in
  // care" the section, not "Head of Children in Care" the lead; "SEND" the section, not "SEND
  // Service Manager"), compared ignoring case and spacing as the product documents for Lead cells
  // ("HoS / Service Manager" is "HoS/Service Manager", not "HoS/Service Manager/ IRO"). One word
  // that is a whole Lead cell is a role, though: "IRO" means every Lead holding it (as "what is
  // overdue for HoS" does), and any other name holding it too, so it may need a "which one?".
  const compact = (text: string) => text.toLowerCase().replace(/[\s'\u2019]+/g, "");
  const exact = names.filter(
    (name) => compact(name.text) === compact(phrase) && (wanted.length > 1 || name.kind !== "lead"),
  );
  // Initials a name only spells are weaker than a name holding the phrase or writing the
  // abbreviation: "HoS" is "HoS Children in Care", not "Head of Standards" too (issue 17).
  const writes = (name: PlanName) =>
    containsRun(name.words, wanted) ||
    name.abbreviations.some(
      (a) => a.toUpperCase() === spelled && !name.initials.some((i) => i.toUpperCase() === spelled),
    );
  const spells = (name: PlanName) =>
    name.initials.some((i) => i.toUpperCase() === spelled) ||
    name.abbreviations.some((a) => a.toUpperCase() === spelled);
  const written = names.filter(writes);
  const matching = exact.length > 0 ? exact : written.length > 0 ? written : names.filter(spells);
  const readings: Reading[] = [];
  const leads = matching.filter((name) => name.kind === "lead");
  if (leads.length > 0) {
    readings.push({
      kind: "lead",
      names: leads.map((n) => n.text),
      refs: [...new Set(leads.flatMap((n) => n.refs))].sort(),
    });
  }
  for (const name of matching.filter((n) => n.kind !== "lead")) {
    readings.push({ kind: name.kind, names: [name.text], refs: [...name.refs].sort() });
  }
  const bySet = new Map<string, Reading>();
  for (const reading of readings) {
    const key = reading.refs.join("\u0000");
    const seen = bySet.get(key);
    if (seen) seen.names.push(...reading.names);
    else bySet.set(key, reading);
  }
  return [...bySet.values()];
}
