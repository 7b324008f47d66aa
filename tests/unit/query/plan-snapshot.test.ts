import { describe, expect, it } from "vitest";
import type { Action } from "../../../src/domain/action.ts";
import { buildVocabulary } from "../../../src/domain/question/index.ts";
import { buildSnapshot, changesVocabulary } from "../../../src/query/plan-snapshot.ts";
import {
  SYNTHETIC_ACTIONS,
  SYNTHETIC_PLAN,
  SYNTHETIC_UPDATES,
} from "../question/synthetic-plan.ts";

const snapshot = buildSnapshot({
  plan: SYNTHETIC_PLAN,
  actions: [...SYNTHETIC_ACTIONS].reverse(),
  updates: SYNTHETIC_UPDATES,
  reviews: [],
  vocabulary: buildVocabulary(SYNTHETIC_PLAN, SYNTHETIC_ACTIONS),
});

describe("a picture of the plan for answering questions", () => {
  it("lists actions as people read Refs: T-2 before T-10", () => {
    expect(snapshot.actions.map((action) => action.ref).slice(0, 3)).toEqual(["T-1", "T-2", "T-3"]);
    expect(snapshot.actions.at(-1)?.ref).toBe("T-12");
  });

  it("finds an action and its updates by Ref, whatever the case", () => {
    expect(snapshot.actionByRef(" t-5 ")?.ref).toBe("T-5");
    expect(snapshot.actionByRef("T-99")).toBeUndefined();
    expect(
      snapshot
        .updatesOf("t-3")
        .map((update) => update.quarter)
        .sort(),
    ).toEqual(["2026-Q2", "2026-Q3"]);
    expect(snapshot.updatesOf("T-9")).toEqual([]);
  });
});

describe("which changes alter the words questions can use", () => {
  const action = SYNTHETIC_ACTIONS[0] as Action;
  it("a new action, a new Lead or new wording does", () => {
    expect(changesVocabulary(null, action)).toBe(true);
    expect(changesVocabulary(action, { ...action, lead: "LADO" })).toBe(true);
    expect(changesVocabulary(action, { ...action, developmentAction: "Audit fostering" })).toBe(
      true,
    );
  });

  it("a RAG, a date or completion does not", () => {
    expect(changesVocabulary(action, { ...action, rag: "Green", complete: true })).toBe(false);
    expect(
      changesVocabulary(action, {
        ...action,
        completionDate: { text: "TBC", due: null, tbc: true, milestones: [] },
      }),
    ).toBe(false);
  });
});
