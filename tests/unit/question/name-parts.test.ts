import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Action } from "../../../src/domain/action.ts";
import type { Plan } from "../../../src/domain/plan.ts";
import { buildVocabulary, parseQuestion } from "../../../src/domain/question/index.ts";
import type { Rag } from "../../../src/domain/rag.ts";
import { answerRefs, type Fixture, fixture } from "./ask.ts";

/**
 * Plans made up from council-like words: every priority, section, delivery area and Lead is
 * named from them, with small and everyday words mixed in ("Children and Young People"), some
 * with an abbreviation in brackets or not. Whatever the names, a part that points at one name
 * only (a word or run of words, an abbreviation, its initials) finds exactly that name's actions.
 */

/** Words that name things in children's services and mean nothing else to the question grammar. */
const THEMES = `Fostering Adoption Placements Sufficiency Exploitation Attendance Exclusions
  Transitions Safeguarding Permanence Commissioning Participation Neglect Reunification Kinship
  Residential Apprenticeships Advocacy Inclusion Assessment Supervision Workforce Recruitment
  Retention Housing Homelessness Parenting Bereavement Speech Therapy Autism Mentoring Nurture
  Resilience Wellbeing Gangs Edge Hubs Partnership Quality Practice Audit Learning Outreach`
  .split(/\s+/)
  .filter(Boolean);
/** Abbreviations councils put in names. */
const ACRONYMS = ["CAMHS", "LADO", "IRO", "EHCP", "UASC", "MASH", "PLO", "YOS", "CSE"];
/** Small and everyday words a name may hold; they never pick a name on their own. */
const EVERYDAY = ["Children", "Young People", "and", "for", "of the", "Service", "Team"];

const KINDS = ["priority", "section", "area", "lead"] as const;
type Kind = (typeof KINDS)[number];
type Name = { kind: Kind; text: string; themes: string[]; acronym: string | null };

/** A name: one to three theme words, maybe everyday words around them, maybe an abbreviation. */
const nameShape = fc.record({
  themes: fc.uniqueArray(fc.constantFrom(...THEMES), { minLength: 1, maxLength: 3 }),
  everyday: fc.option(fc.constantFrom(...EVERYDAY), { nil: null }),
  acronym: fc.option(fc.constantFrom(...ACRONYMS), { nil: null }),
  bracketed: fc.boolean(),
});

const plans = fc
  .record({
    shapes: fc.array(nameShape, { minLength: 6, maxLength: 14 }),
    kinds: fc.array(fc.constantFrom(...KINDS), { minLength: 14, maxLength: 14 }),
    rows: fc.array(fc.tuple(fc.nat(), fc.nat(), fc.nat(), fc.nat(), fc.nat(), fc.nat()), {
      minLength: 8,
      maxLength: 30,
    }),
  })
  .map(({ shapes, kinds, rows }) => {
    const names: Name[] = shapes.map((shape, i) => {
      const kind = i < KINDS.length ? KINDS[i] : (kinds[i] as Kind);
      const words = [...shape.themes];
      if (shape.everyday) words.splice(1, 0, shape.everyday);
      let text = words.join(" ");
      if (shape.acronym)
        text = shape.bracketed ? `${text} (${shape.acronym})` : `${shape.acronym} ${text}`;
      return { kind: kind as Kind, text, themes: shape.themes, acronym: shape.acronym };
    });
    const ofKind = (kind: Kind) => names.filter((name) => name.kind === kind);
    const priorities = ofKind("priority");
    const plan: Plan = {
      id: "generated",
      name: "Generated improvement plan",
      priorities: priorities.map((name, i) => ({
        number: i + 1,
        name: name.text,
        description: "",
      })),
    };
    const pick = <T>(list: T[], n: number): T => list[n % list.length] as T;
    const actions = rows.map(([p, s, a, l, r, w], i) =>
      action(`G-${i + 1}`, {
        priority: (p % priorities.length) + 1,
        section: pick(ofKind("section"), s).text,
        area: pick(ofKind("area"), a).text,
        lead: pick(ofKind("lead"), l).text,
        rag: pick(["Red", "Amber", "Green"] as Rag[], r),
        // The plan's prose uses the names' words too: a name must still win over a text match.
        prose: pick(THEMES, w),
      }),
    );
    return { plan, actions, names };
  });

function action(
  ref: string,
  o: { priority: number; section: string; area: string; lead: string; rag: Rag; prose: string },
): Action {
  return {
    ref,
    planId: "generated",
    priorities: [o.priority],
    section: o.section,
    deliveryArea: o.area,
    developmentAction: `Improve the ${o.prose.toLowerCase()} offer ${ref}`,
    expectedOutcome: "Better outcomes",
    lead: o.lead,
    completionDate: { text: "March 2027", due: "2027-03-31", tbc: false, milestones: [] },
    rag: o.rag,
    complete: false,
    signedOff: false,
    actionWeWillTake: "",
    howWillWeKnow: "",
    progressUpdate: "",
    extra: {},
  };
}

/** The actions a name stands for, as the plan's columns say. */
function actionsOf(name: Name, world: { plan: Plan; actions: Action[] }): Action[] {
  const numbers = world.plan.priorities.filter((p) => p.name === name.text).map((p) => p.number);
  const holds: Record<Kind, (a: Action) => boolean> = {
    priority: (a) => a.priorities.some((number) => numbers.includes(number)),
    section: (a) => a.section === name.text,
    area: (a) => a.deliveryArea === name.text,
    lead: (a) => a.lead === name.text,
  };
  return world.actions.filter(holds[name.kind]);
}

/**
 * Distinct things the plan names, as a reader of it counts them: one per kind and wording, each
 * priority, and each section, area and Lead some action has.
 */
function distinctNames(generated: { names: Name[]; actions: Action[] }): Name[] {
  const seen = new Map<string, Name>();
  for (const name of generated.names) {
    if (
      name.kind !== "priority" &&
      actionsOf(name, { plan: NO_PRIORITIES, ...generated }).length === 0
    )
      continue;
    seen.set(`${name.kind}:${name.text.toLowerCase()}`, name);
  }
  return [...seen.values()];
}
const NO_PRIORITIES: Plan = { id: "generated", name: "none", priorities: [] };

/** A name's words as written, brackets aside. */
const wordsOf = (name: Name) => name.text.replace(/[()]/g, "").split(/\s+/).filter(Boolean);
const SMALL = new Set(["and", "for", "of", "the"]);

/** The initials of every run of two or more words, with and without the small words. */
function initialsOf(name: Name): string[] {
  const words = wordsOf(name);
  const found: string[] = [];
  for (let from = 0; from < words.length; from++) {
    for (let to = from + 2; to <= words.length; to++) {
      const run = words.slice(from, to);
      found.push(run.map((word) => word[0]).join(""));
      found.push(
        run
          .filter((word) => !SMALL.has(word))
          .map((word) => word[0])
          .join(""),
      );
    }
  }
  return found.map((letters) => letters.toUpperCase());
}

/**
 * Parts a person could use for a name: each theme word, two in a row, its abbreviation, and the
 * initials of its words when there are three or more.
 */
function partsOf(name: Name): string[] {
  const runs = name.themes.flatMap((word, i) =>
    i + 1 < name.themes.length ? [word, `${word} ${name.themes[i + 1]}`] : [word],
  );
  const words = wordsOf(name).filter((word) => word !== name.acronym && !SMALL.has(word));
  const initials =
    words.length >= 3
      ? [
          words
            .map((word) => word[0])
            .join("")
            .toUpperCase(),
        ]
      : [];
  return [...runs, ...(name.acronym ? [name.acronym] : []), ...initials.filter(meansNothingYet)];
}

/**
 * Initials that already mean something in any question ("APR" is April) are read as that, as a
 * person reading the question would; only letters that mean nothing else name the thing.
 */
const EMPTY_PLAN = buildVocabulary({ id: "empty", name: "Empty", priorities: [] }, []);
function meansNothingYet(letters: string): boolean {
  return ["", "in ", "due "].every(
    (before) => parseQuestion(`${before}${letters}`, EMPTY_PLAN, "2026-11-23").kind === "unknown",
  );
}

/** Whether a part means this name alone: no other holds its words in a row or as initials. */
function pointsAtOnly(part: string, name: Name, names: Name[]): boolean {
  const key = ` ${part.toLowerCase()} `;
  // Initials are compared as words are, so "HYPS" may be the plural of another name's "HYP".
  const singular = (letters: string) => letters.toUpperCase().replace(/(?<=...)S$/, "");
  const held = (other: Name) =>
    ` ${wordsOf(other).join(" ").toLowerCase()} `.includes(key) ||
    initialsOf(other).some((letters) => singular(letters) === singular(part));
  return names.every((other) => other === name || !held(other)) && held(name);
}

const PHRASINGS = [
  (part: string) => ({ text: part, rags: null }),
  (part: string) => ({ text: `what's red for ${part}`, rags: "Red" as Rag }),
  (part: string) => ({ text: `anything amber in ${part}?`, rags: "Amber" as Rag }),
  (part: string) => ({ text: `${part} - which are green`, rags: "Green" as Rag }),
];

function worldOf(generated: { plan: Plan; actions: Action[] }): Fixture {
  return fixture(generated.plan, generated.actions, {
    updates: [],
    currentQuarter: "2026-Q3",
    today: "2026-11-23",
    askerLeads: [],
  });
}

describe("a name found by any part that points at it alone", () => {
  it("finds exactly that name's actions by a distinctive word, run of words, abbreviation or initials", () => {
    fc.assert(
      fc.property(
        plans,
        fc.nat(),
        fc.nat(),
        fc.constantFrom(...PHRASINGS),
        (generated, n, p, say) => {
          const names = distinctNames(generated);
          const name = names[n % names.length] as Name;
          const parts = partsOf(name).filter((part) => pointsAtOnly(part, name, names));
          fc.pre(parts.length > 0);
          const part = parts[p % parts.length] as string;
          const { text, rags } = say(part);
          const expected = actionsOf(name, generated)
            .filter((a) => rags === null || a.rag === rags)
            .map((a) => a.ref);
          expect({ text, refs: answerRefs(text, worldOf(generated)) }).toEqual({
            text,
            refs: expected,
          });
        },
      ),
      { numRuns: 400 },
    );
  });

  it("says how it read a part, naming the whole name", () => {
    fc.assert(
      fc.property(plans, fc.nat(), (generated, n) => {
        const names = distinctNames(generated);
        const name = names[n % names.length] as Name;
        const [part] = partsOf(name).filter(
          (candidate) =>
            pointsAtOnly(candidate, name, names) &&
            candidate.toLowerCase() !== name.text.toLowerCase(),
        );
        fc.pre(part !== undefined);
        const parsed = parseQuestion(`red for ${part}`, worldOf(generated).vocab, "2026-11-23");
        expect(parsed.kind).toBe("query");
        if (parsed.kind !== "query") return;
        expect(parsed.namesRead?.map((read) => read.readAs).join(" ")).toContain(name.text);
      }),
      { numRuns: 200 },
    );
  });

  it("asks which name is meant when a word is shared by two names of different kinds", () => {
    fc.assert(
      fc.property(plans, fc.constantFrom(...THEMES), (generated, shared) => {
        const names = distinctNames(generated).filter((name) => !name.themes.includes(shared));
        const [first, second] = [
          names.find((name) => name.kind === "priority"),
          names.find((name) => name.kind === "area"),
        ];
        fc.pre(first !== undefined && second !== undefined);
        const rename = (name: Name) => `${name.text} ${shared}`;
        const renamed = {
          plan: {
            ...generated.plan,
            priorities: generated.plan.priorities.map((p) =>
              p.name === first?.text ? { ...p, name: rename(first) } : p,
            ),
          },
          actions: generated.actions.map((a) =>
            a.deliveryArea === second?.text ? { ...a, deliveryArea: rename(second) } : a,
          ),
        };
        fc.pre(renamed.actions.some((a) => a.deliveryArea === rename(second as Name)));
        fc.pre(generated.names.every((name) => !name.text.includes(shared)));
        const parsed = parseQuestion(
          `what's red for ${shared}`,
          worldOf(renamed).vocab,
          "2026-11-23",
        );
        expect(parsed.kind).toBe("query");
        if (parsed.kind !== "query") return;
        expect(parsed.chooseName?.options.map((option) => option.name).sort()).toEqual(
          [rename(first as Name), rename(second as Name)].sort(),
        );
      }),
      { numRuns: 200 },
    );
  });
});
