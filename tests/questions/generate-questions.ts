import type { Rag } from "../../src/domain/rag.ts";
import type { Holiday, Intent, MonthFilter } from "./intent.ts";
import { roughen, typo } from "./phrasing.ts";
import { type PlanName, planNames, readingsOf } from "./plan-names.ts";
import type { CorpusPlan } from "./plans.ts";
import { type Random, seededRandom } from "./seeded-random.ts";
import { QUESTION_WORDS, words } from "./words.ts";

/** One generated question, what it means, and the class of question it tests. */
export type CorpusQuestion = { category: string; plan: string; text: string; intent: Intent };

const RAGS: Rag[] = ["Red", "Amber", "Green"];
const MONTHS = ["December", "January", "February", "March", "April", "June", "September"];
const monthNumber = (name: string) =>
  [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
  ].indexOf(name.toLowerCase()) + 1;

type Phrase = { text: string; intent: Intent };

/** The holidays managers set deadlines by, the ways they write them. */
const HOLIDAYS: [string, Holiday][] = [
  ["Christmas", "christmas"],
  ["xmas", "christmas"],
  ["Xmas", "christmas"],
  ["christmas day", "christmas"],
  ["new year", "newYear"],
  ["the new year", "newYear"],
  ["Easter", "easter"],
];

/** A RAG, a date or a review state, said the ways managers say them. */
function filterPhrases(random: Random): Phrase[] {
  const rag = random.pick(RAGS);
  const r = rag.toLowerCase();
  const month = random.pick(MONTHS);
  const m = monthNumber(month);
  const date = (text: string, filter: MonthFilter): Phrase => ({ text, intent: { date: filter } });
  return [
    { text: `what's ${r}`, intent: { rags: [rag] } },
    { text: `anything ${r}`, intent: { rags: [rag] } },
    { text: `show me the ${r}s`, intent: { rags: [rag] } },
    { text: `what's not ${r}`, intent: { notRag: rag } },
    // The plan's key in its own words: Amber "at risk", Red "off track", Green "on track".
    random.pick([
      { text: "what's at risk", intent: { rags: ["Amber"] } },
      { text: "anything off track", intent: { rags: ["Red"] } },
      { text: "which actions are on track", intent: { rags: ["Green"] } },
    ] as Phrase[]),
    date("what's overdue", { kind: "overdue" }),
    random.pick([
      {
        text: `what's ${r} or overdue`,
        intent: { either: { rags: [rag], date: { kind: "overdue" } } },
      },
      {
        text: `anything overdue or ${r}`,
        intent: { either: { rags: [rag], date: { kind: "overdue" } } },
      },
      {
        text: `${r} or due before end of ${month}`,
        intent: { either: { rags: [rag], date: { kind: "dueByEndOf", month: m } } },
      },
    ] as Phrase[]),
    date(`due before end of ${month}`, { kind: "dueByEndOf", month: m }),
    date(`due by the end of ${month}`, { kind: "dueByEndOf", month: m }),
    date(`due before ${month}`, { kind: "dueBefore", month: m }),
    date(`due after ${month}`, { kind: "dueAfter", month: m }),
    ...[true, false].map((before) => {
      const [said, holiday] = random.pick(HOLIDAYS);
      const marker = before ? random.pick(["before", "due before"]) : random.pick(["by", "due by"]);
      return date(`what's ${marker} ${said}`, { kind: "holiday", holiday, before });
    }),
    { text: "awaiting DMT decision", intent: { state: "awaiting" } },
    { text: "waiting for sign-off", intent: { state: "awaiting" } },
    { text: "not updated this quarter", intent: { state: "notUpdated" } },
  ];
}

/** Questions about one subject phrase, with and without a filter. */
function subjectQuestions(subject: string, kind: PlanName["kind"], random: Random): Phrase[] {
  const rag = random.pick(RAGS);
  const r = rag.toLowerCase();
  const month = random.pick(MONTHS);
  const m = monthNumber(month);
  const the = kind === "lead" && !/^[A-Z]{3,}/.test(subject) ? "the " : "";
  const where = kind === "lead" ? `for ${the}${subject}` : `in ${subject}`;
  const all: Phrase[] = [
    { text: `show me ${subject}`, intent: { subject } },
    { text: subject, intent: { subject } },
    { text: `anything ${r} ${where}?`, intent: { subject, rags: [rag] } },
    { text: `what's ${r} ${where}`, intent: { subject, rags: [rag] } },
    { text: `what's overdue ${where}`, intent: { subject, date: { kind: "overdue" } } },
    { text: `not ${r} ${where}`, intent: { subject, notRag: rag } },
    {
      text: `what's ${r} or overdue ${where}`,
      intent: { subject, either: { rags: [rag], date: { kind: "overdue" } } },
    },
    {
      text: `${subject} - what's due before the end of ${month} that isn't green`,
      intent: { subject, date: { kind: "dueByEndOf", month: m }, notRag: "Green" },
    },
  ];
  if (kind === "lead") {
    all.push({
      text: `which actions has ${the}${subject} got due before end of ${month} that aren't green`,
      intent: { subject, date: { kind: "dueByEndOf", month: m }, notRag: "Green" },
    });
  }
  return all;
}

function historyQuestions(
  random: Random,
  subject?: { text: string; kind: PlanName["kind"] },
): Phrase[] {
  const where = subject
    ? subject.kind === "lead"
      ? ` for ${subject.text}`
      : ` in ${subject.text}`
    : "";
  const s = subject ? { subject: subject.text } : {};
  const all: Phrase[] = [
    { text: `what was red last quarter${where}`, intent: { ...s, history: "redLastQuarter" } },
    { text: `what went red this quarter${where}`, intent: { ...s, history: "wentRed" } },
    { text: `what changed since the last review${where}`, intent: { ...s, history: "changed" } },
    { text: `which actions got worse${where}`, intent: { ...s, history: "worse" } },
  ];
  return [random.pick(all), random.pick(all)];
}

/** A Ref in the plan's own style that the plan does not hold ("CSC-97", "9.97"). */
function missingRef(refs: readonly string[]): string | null {
  const taken = new Set(refs.map((r) => r.toLowerCase()));
  for (const ref of refs) {
    if (!/\d$/.test(ref)) continue;
    for (const n of [97, 98, 99]) {
      const candidate = ref.replace(/\d+$/, String(n));
      if (!taken.has(candidate.toLowerCase())) return candidate;
    }
  }
  return null;
}

/**
 * A Ref in the plan's own style whose first part the plan does not use at all ("6.1" in a plan of
 * 1.1–5.6, "ZZ-07" beside CSC-07): still a Ref, and so "no such action".
 */
function missingFirstPart(refs: readonly string[]): string | null {
  const firsts = refs.map((r) => r.match(/^(\d+|[A-Z]+)(?=[.\-/]\d)/)?.[1]).filter(Boolean);
  const ref = refs.find((r) => /^(\d+|[A-Z]+)[.\-/]\d+$/.test(r));
  if (!ref || firsts.length === 0) return null;
  const numbers = firsts.filter((f) => /^\d+$/.test(f as string)).map(Number);
  const first = /^\d/.test(ref) ? String(Math.max(...numbers) + 1) : "ZZ";
  const candidate = ref.replace(/^(\d+|[A-Z]+)/, first);
  return refs.some((r) => r.toLowerCase() === candidate.toLowerCase()) ? null : candidate;
}

/** A distinctive word of the plan's name, said with "plan": "the Rutland plan". */
function planPhrase(name: string): string | null {
  const word = name
    .match(/[A-Za-z]+/g)
    ?.find((w) => w.length >= 5 && !QUESTION_WORDS.has(w.toLowerCase()));
  return word ? `the ${word} plan` : null;
}

/**
 * Every question for one plan: templates × every name, part and abbreviation × filters ×
 * phrasings, each with its intent. Only names and parts with one reading are asked as names; those
 * with several are the "ambiguous" class.
 */
export function generateQuestions(corpus: CorpusPlan, seed = 1): CorpusQuestion[] {
  const random = seededRandom(seed);
  const names = planNames(corpus);
  const questions: CorpusQuestion[] = [];
  const add = (category: string, phrase: Phrase, rough = true) =>
    questions.push({
      category,
      plan: corpus.key,
      text: rough ? roughen(phrase.text, random) : phrase.text,
      intent: phrase.intent,
    });
  const asked = new Set<string>();
  for (const name of names) {
    const forms: [string, string][] = [
      ...(name.text.length <= 60 ? [["name", name.text] as [string, string]] : []),
      ...name.parts.map((p): [string, string] => ["part", p]),
      ...name.abbreviations.map((a): [string, string] => [
        name.initials.includes(a) ? "initials" : "abbreviation",
        a,
      ]),
    ];
    for (const [form, phrase] of forms) {
      const key = words(phrase).join(" ");
      if (asked.has(key)) continue;
      asked.add(key);
      const readings = readingsOf(phrase, names);
      if (readings.length === 0) continue;
      if (readings.length > 1) {
        for (const kind of ["priority", "section"] as const) {
          if (readings.filter((r) => r.kind === kind).length !== 1) continue;
          add(
            "name with its kind",
            random.pick<Phrase>([
              { text: `anything on the ${phrase} ${kind}`, intent: { subject: phrase, kind } },
              {
                text: `whats red in the ${phrase} ${kind}`,
                intent: { subject: phrase, kind, rags: ["Red"] },
              },
            ]),
          );
        }
        add(
          "ambiguous name",
          random.pick([
            { text: `show me ${phrase}`, intent: { subject: phrase } },
            { text: `anything red in ${phrase}?`, intent: { subject: phrase, rags: ["Red"] } },
          ]),
        );
        continue;
      }
      const kind = readings[0]?.kind ?? name.kind;
      for (const phrasing of subjectQuestions(phrase, kind, random))
        add(`${kind} ${form}`, phrasing);
      const slipped = typo(phrase, random);
      if (slipped && readingsOf(slipped, names).length === 0) {
        add("typo", {
          text: `what's amber ${kind === "lead" ? "for" : "in"} ${slipped}`,
          intent: { subject: phrase, rags: ["Amber"] },
        });
      }
      for (const phrasing of historyQuestions(random, { text: phrase, kind }))
        add("history", phrasing);
    }
  }
  for (let i = 0; i < 6; i++) {
    const filters = filterPhrases(random);
    for (const phrase of filters) {
      const category = phrase.intent.either
        ? "either or"
        : phrase.intent.rags
          ? "rag"
          : phrase.intent.notRag
            ? "negation"
            : phrase.intent.date
              ? "dates"
              : "review state";
      add(category, phrase);
    }
    for (const phrase of historyQuestions(random)) add("history", phrase);
  }
  for (const action of corpus.actions) {
    add(
      "ref known",
      random.pick([
        { text: `tell me about ${action.ref}`, intent: { ref: action.ref } },
        { text: action.ref, intent: { ref: action.ref } },
        { text: `what's happening with ${action.ref.toLowerCase()}?`, intent: { ref: action.ref } },
      ]),
      false,
    );
  }
  const missing = missingRef(corpus.actions.map((a) => a.ref));
  if (missing) {
    for (const text of [`tell me about ${missing}`, missing, `what's the latest on ${missing}?`]) {
      add("ref missing", { text, intent: { ref: missing } }, false);
    }
  }
  // Typed in lower case, and a Ref written the way another council writes them ("XQ-97").
  for (const ref of [missing?.toLowerCase(), "XQ-97"]) {
    if (ref && /[a-z]/i.test(ref))
      add("ref missing", { text: `whats happening with ${ref}`, intent: { ref } }, false);
  }
  const unheard = missingFirstPart(corpus.actions.map((a) => a.ref));
  if (unheard) {
    for (const text of [unheard, `what about ${unheard}?`]) {
      add("ref missing", { text, intent: { ref: unheard } }, false);
    }
  }
  // A word only the progress notes hold (the generated plan writes one), asked alone and after "about".
  const noted = corpus.actions.some((a) => /\btribunal\b/i.test(a.progressUpdate));
  if (noted) {
    for (const text of ["tribunal", "anything about tribunal", "whats red about the tribunal"]) {
      const rags = text.includes("red") ? { rags: ["Red" as Rag] } : {};
      add("free text", { text, intent: { text: "tribunal", ...rags } });
    }
  }
  // A RAG word with one letter dropped or two swapped, as fast typing leaves it.
  for (const [typed, rag] of [
    ["rde", "Red"],
    ["erd", "Red"],
    ["ambr", "Amber"],
    ["amebr", "Amber"],
    ["gren", "Green"],
    ["grene", "Green"],
  ] as const) {
    add("rag typo", { text: `what is ${typed}`, intent: { rags: [rag] } }, false);
  }
  for (const phrase of labelQuestions(corpus, random)) add("priority label", phrase, false);
  const plan = planPhrase(corpus.plan.name);
  for (const said of [plan, corpus.plan.name].filter((s): s is string => s !== null)) {
    const rag = random.pick(RAGS);
    add("plan name", { text: `what's ${rag.toLowerCase()} in ${said}`, intent: { rags: [rag] } });
    add("plan name", { text: `overdue in ${said}`, intent: { date: { kind: "overdue" } } });
  }
  return questions;
}

/**
 * A priority named by the label its name starts with ("R3: …", "P2 - …", "Priority 1. …"): asked
 * as "R3", "r3", by the word the letters stand for, two at once, and a label the plan lacks.
 */
function labelQuestions(corpus: CorpusPlan, random: Random): Phrase[] {
  const labelled = corpus.plan.priorities.flatMap(({ number, name }) => {
    const match = /^(R|P|Priority|Recommendation)\s?(\d+)\s?[:.-]/.exec(name);
    return match ? [{ number, letters: match[1] as string, label: Number(match[2]) }] : [];
  });
  const phrases: Phrase[] = [];
  const spoken: Record<string, string> = { R: "recommendation", P: "priority" };
  for (const { number, letters, label } of labelled) {
    const short = letters.length === 1 ? letters : (letters[0] as string);
    const rag = random.pick(RAGS);
    phrases.push(
      {
        text: `whats ${rag.toLowerCase()} under ${short}${label}`,
        intent: { priorities: [number], rags: [rag] },
      },
      { text: `${short.toLowerCase()}${label}`, intent: { priorities: [number] } },
      {
        text: `${spoken[short] ?? letters.toLowerCase()} ${label}`,
        intent: { priorities: [number] },
      },
      {
        text: `anything overdue in ${short}${label}`,
        intent: { priorities: [number], date: { kind: "overdue" } },
      },
    );
  }
  const [first, second] = labelled;
  if (first && second && first.letters === second.letters) {
    const short = first.letters[0] as string;
    phrases.push({
      text: `pls list the red ones for ${short}${first.label} and ${short}${second.label}`,
      intent: { priorities: [first.number, second.number], rags: ["Red"] },
    });
  }
  return phrases;
}
