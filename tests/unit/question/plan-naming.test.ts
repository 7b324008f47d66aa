import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  buildVocabulary,
  mergeVocabularies,
  type PlanVocabulary,
  parseQuestion,
} from "../../../src/domain/question/index.ts";
import { loadSamplePlan } from "./load-sample.ts";

/**
 * Naming a plan in a question, over generated stores of several plans named as councils name
 * them: a distinctive part ("SEND", "Early Help") between a place and a kind of plan. The expected
 * reading comes from how each question was put together, never from the parser.
 */

const sample = loadSamplePlan();
const sampleParts = {
  plan: sample.plan,
  vocabulary: buildVocabulary(sample.plan, sample.actions),
};

/** What tells councils' plans apart; "Domestic Abuse" is also a priority of the sample plan. */
const DISTINCTIVE = [
  "SEND",
  "Early Help",
  "Youth Justice",
  "Corporate Parenting",
  "Inclusion",
  "Ofsted Improvement",
  "Domestic Abuse",
  "Participation",
  "Fostering Sufficiency",
  "CAMHS Transformation",
];
const PLACES = ["", "Rutland ", "County ", "Borough "];
const KINDS = [" Plan", " Strategy 2024-27", " Action Plan 2025-26", " Partnership Plan"];

type GeneratedPlan = { id: string; name: string; part: string };

const storeOfPlans = fc
  .uniqueArray(fc.constantFrom(...DISTINCTIVE), { minLength: 1, maxLength: 4 })
  .chain((parts) =>
    fc.tuple(
      ...parts.map((part, i) =>
        fc.record({ place: fc.constantFrom(...PLACES), kind: fc.constantFrom(...KINDS) }).map(
          ({ place, kind }): GeneratedPlan => ({
            id: `plan-${i + 2}`,
            name: `${place}${part}${kind}`,
            part,
          }),
        ),
      ),
    ),
  );

function vocabularyOf(plans: GeneratedPlan[]): PlanVocabulary {
  const empty = buildVocabulary({ id: "x", name: "x", priorities: [] }, []);
  return mergeVocabularies([
    sampleParts,
    ...plans.map(({ id, name }) => ({ plan: { id, name }, vocabulary: empty })),
  ]);
}

/** How people put a question naming a plan, and what else each one asks. */
const PHRASINGS: Array<{
  say: (plan: string) => string;
  expect: Record<string, unknown>;
  whole?: boolean;
}> = [
  { say: (p) => `what's red in the ${p} plan`, expect: { rags: ["Red"] } },
  { say: (p) => `overdue in ${p} plan`, expect: { dates: [{ kind: "overdue" }] } },
  {
    say: (p) => `${p} plan actions for HoS`,
    expect: { leads: [{ match: "part", value: "HoS" }] },
  },
  { say: (p) => `anything amber in the ${p}`, expect: { rags: ["Amber"] }, whole: true },
  { say: (p) => `how many green in the ${p} plan?`, expect: { rags: ["Green"], count: true } },
];

const caseOf = (text: string, how: "as written" | "lower" | "upper") =>
  how === "lower" ? text.toLowerCase() : how === "upper" ? text.toUpperCase() : text;

describe("naming a plan in a question", () => {
  it("reads a plan named by its distinctive part or whole name as that plan, with the rest of the question", () => {
    fc.assert(
      fc.property(
        storeOfPlans,
        fc.nat(),
        fc.constantFrom(...PHRASINGS),
        fc.constantFrom("as written" as const, "lower" as const, "upper" as const),
        (plans, pick, phrasing, how) => {
          const plan = plans[pick % plans.length] as GeneratedPlan;
          const named = caseOf(phrasing.whole ? plan.name : plan.part, how);
          const parsed = parseQuestion(phrasing.say(named), vocabularyOf(plans), "2026-11-23");
          expect(parsed.kind).toBe("query");
          if (parsed.kind !== "query") return;
          expect(parsed.query.plans).toEqual([plan.id]);
          expect(parsed.query).toMatchObject(phrasing.expect);
          expect(parsed.query.priorities).toEqual([]);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("words two or more plans' names share leave the choice to the person, as does “X plan or Y plan”", () => {
    const sharedWord = fc.constantFrom("Improvement", "Recovery", "Transformation");
    fc.assert(
      fc.property(
        storeOfPlans,
        sharedWord,
        fc.nat(),
        fc.constantFrom(...PHRASINGS.filter((phrasing) => !phrasing.whole)),
        fc.constantFrom("as written" as const, "lower" as const),
        (generated, shared, seed, phrasing, how) => {
          const plans = generated.filter((plan) => !plan.name.includes(shared));
          fc.pre(plans.length >= 2);
          // Councils add the shared word before the kind: "SEND Improvement Plan".
          const sharing = plans.map((plan, i) =>
            i < 2 || (seed >> i) % 2 ? { ...plan, name: `${plan.part} ${shared} Plan` } : plan,
          );
          const expected = sharing.filter((plan) => plan.name.includes(shared)).map((p) => p.id);
          const vocabulary = vocabularyOf(sharing);
          const parsed = parseQuestion(phrasing.say(caseOf(shared, how)), vocabulary, "2026-11-23");
          expect(parsed.kind).toBe("query");
          if (parsed.kind !== "query") return;
          expect([...(parsed.choosePlans ?? [])].sort()).toEqual([...expected].sort());
          expect(parsed.query.plans).toBeUndefined();
          expect(parsed.query).toMatchObject(phrasing.expect);
          const [a, b] = sharing as [GeneratedPlan, GeneratedPlan];
          const either = parseQuestion(
            `what's red in the ${a.part} plan or the ${b.part} plan`,
            vocabulary,
            "2026-11-23",
          );
          expect(either.kind === "query" && [...(either.choosePlans ?? [])].sort()).toEqual(
            [a.id, b.id].sort(),
          );
          // Named outright, one plan is answered at once.
          const one = parseQuestion(phrasing.say(a.part), vocabulary, "2026-11-23");
          expect(one.kind === "query" && one.choosePlans).toBeUndefined();
          expect(one.kind === "query" && one.query.plans).toEqual([a.id]);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("takes a long name's part with a letter swapped, as for other names", () => {
    fc.assert(
      fc.property(storeOfPlans, fc.nat(), (plans, pick) => {
        const plan = plans[pick % plans.length] as GeneratedPlan;
        const words = plan.part.split(" ");
        const longest = words.reduce((a, b) => (b.length > a.length ? b : a));
        fc.pre(longest.length >= 8);
        const at = Math.floor(longest.length / 2);
        const typo = `${longest.slice(0, at)}${longest[at + 1]}${longest[at]}${longest.slice(at + 2)}`;
        const part = words.map((word) => (word === longest ? typo : word)).join(" ");
        const parsed = parseQuestion(
          `what's red in the ${part} plan`,
          vocabularyOf(plans),
          "2026-11-23",
        );
        expect(parsed.kind).toBe("query");
        if (parsed.kind === "query") expect(parsed.query.plans).toEqual([plan.id]);
      }),
      { numRuns: 200 },
    );
  });

  it("“1.1 in the X plan” is that Ref in that plan", () => {
    fc.assert(
      fc.property(storeOfPlans, fc.nat(), (plans, pick) => {
        const plan = plans[pick % plans.length] as GeneratedPlan;
        const vocabulary = { ...vocabularyOf(plans), refs: ["1.1", "CSC-01"] };
        const parsed = parseQuestion(`1.1 in the ${plan.part} plan`, vocabulary, "2026-11-23");
        expect(parsed).toEqual({ kind: "ref", ref: "1.1", plans: [plan.id] });
      }),
    );
  });

  it("a store of one plan reads every question as before: no plan is ever named", () => {
    fc.assert(
      fc.property(fc.constantFrom(...DISTINCTIVE), fc.constantFrom(...PHRASINGS), (part, p) => {
        const parsed = parseQuestion(p.say(part), sampleParts.vocabulary, "2026-11-23");
        if (parsed.kind === "query") expect(parsed.query.plans).toBeUndefined();
      }),
    );
    const send = parseQuestion("what's red in the SEND plan", sampleParts.vocabulary, "2026-11-23");
    expect(send).toMatchObject({ kind: "query", query: { priorities: [5], rags: ["Red"] } });
  });

  it("with several plans a priority named by its words is that plan's, and SEND alone is still the priority", () => {
    const plans: GeneratedPlan[] = [{ id: "plan-2", name: "SEND Improvement Plan", part: "SEND" }];
    const bare = parseQuestion("what's red for SEND", vocabularyOf(plans), "2026-11-23");
    expect(bare).toMatchObject({
      kind: "query",
      query: { priorities: [5], plans: [sample.plan.id] },
    });
  });
});
