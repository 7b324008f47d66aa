import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Action } from "../../../src/domain/action.ts";
import {
  buildVocabulary,
  emptyQuery,
  evaluateQuery,
  type Query,
  type RagChoice,
} from "../../../src/domain/question/index.ts";
import { compareRefs } from "../../../src/domain/ref-order.ts";
import type { Update } from "../../../src/domain/update.ts";
import { CandidateIndex } from "../../../src/query/candidates.ts";
import { loadSamplePlan } from "../question/load-sample.ts";
import {
  CURRENT_QUARTER,
  SYNTHETIC_ACTIONS,
  SYNTHETIC_UPDATES,
  TODAY,
} from "../question/synthetic-plan.ts";

/** Plans whose text has plurals, "ies" words, apostrophes, accents and numbers. */
const tricky: Action[] = SYNTHETIC_ACTIONS.slice(0, 4).map((action, i) => ({
  ...action,
  ref: `X-${i + 1}`,
  developmentAction: [
    "Agencies share children's chronologies",
    "Café-style drop-ins for carers & families",
    "Run 007 fostering panels in 2027",
    "Adopted children's life-story work",
  ][i] as string,
}));

const PLANS: Array<{ name: string; actions: Action[]; updates: Update[] }> = [
  { name: "sample", actions: loadSamplePlan().actions, updates: [] },
  {
    name: "synthetic",
    actions: [...SYNTHETIC_ACTIONS, ...tricky],
    updates: SYNTHETIC_UPDATES,
  },
];

const RAGS: RagChoice[] = ["Red", "Amber", "Green", "none"];

/** Searched words: the plan's own, and forms of them a person might type. */
function searchWords(actions: Action[]): string[] {
  const words = buildVocabulary({ id: "p", name: "p", priorities: [] }, actions).words ?? [];
  return words.flatMap((word) => [
    word,
    `${word}s`,
    `${word}ing`,
    word.slice(0, 5),
    "agency",
    "cafe",
  ]);
}

function queries(actions: Action[]): fc.Arbitrary<Query> {
  const leads = [...new Set(actions.map((action) => action.lead))];
  const leadParts = leads.flatMap((lead) => lead.split("/").map((part) => part.trim()));
  return fc
    .record({
      rags: fc.subarray(RAGS),
      priorities: fc.subarray([1, 2, 3, 4, 5]),
      leads: fc.array(
        fc.oneof(
          fc.constantFrom(...leads).map((value) => ({ match: "exact" as const, value })),
          fc.constantFrom(...leadParts).map((value) => ({ match: "part" as const, value })),
        ),
        { maxLength: 2 },
      ),
      mine: fc.boolean(),
      text: fc.array(fc.constantFrom(...searchWords(actions)), { maxLength: 2 }),
      refs: fc.subarray(
        actions.map((action) => action.ref),
        { maxLength: 3 },
      ),
      review: fc.subarray([{ kind: "awaitingSignOff" as const }, { kind: "changedRag" as const }], {
        maxLength: 1,
      }),
    })
    .map((parts) => ({ ...emptyQuery(), ...parts }));
}

describe("the candidate index", () => {
  for (const plan of PLANS) {
    it(`never leaves out an action the full check accepts (${plan.name} plan)`, () => {
      const sorted = [...plan.actions].sort((a, b) => compareRefs(a.ref, b.ref));
      const index = new CandidateIndex(sorted);
      const askerLeads = [sorted[0]?.lead ?? ""];
      const data = {
        updates: plan.updates,
        currentQuarter: CURRENT_QUARTER,
        today: TODAY,
        askerLeads,
      };
      fc.assert(
        fc.property(queries(plan.actions), (query) => {
          const everything = evaluateQuery(query, { ...data, actions: sorted });
          const narrowed = evaluateQuery(query, {
            ...data,
            actions: index.candidates(query, askerLeads),
          });
          expect(narrowed.map((a) => a.ref)).toEqual(everything.map((a) => a.ref));
        }),
        { numRuns: 400 },
      );
    });
  }

  it("narrows by priority, RAG, Lead and text before the full check", () => {
    const sorted = [...SYNTHETIC_ACTIONS].sort((a, b) => compareRefs(a.ref, b.ref));
    const index = new CandidateIndex(sorted);
    const refs = (query: Partial<Query>) =>
      index.candidates({ ...emptyQuery(), ...query }, []).map((action) => action.ref);
    expect(refs({ rags: ["Red"], priorities: [1] })).toEqual(["T-1", "T-10"]);
    expect(refs({ leads: [{ match: "part", value: "LADO" }] })).toEqual(["T-9"]);
    expect(refs({ text: ["fostering"] })).toEqual(["T-6", "T-12"]);
    expect(refs({})).toHaveLength(SYNTHETIC_ACTIONS.length);
  });
});
