import { describe, expect, it } from "vitest";
import { cardRoundRevision } from "../../../src/signoff/card-round.ts";
import { anUpdate } from "../../support/builders.ts";

const decision = {
  outcome: "returned" as const,
  by: "sam@x",
  byName: "Sam",
  at: "2026-12-03T10:00:00Z",
  comment: "More",
};

describe("cardRoundRevision", () => {
  it("keeps the first submission's revision while the lead edits before a decision", () => {
    const history = [
      { before: null, after: anUpdate({ revision: 1 }) },
      { before: anUpdate({ revision: 1 }), after: anUpdate({ revision: 2 }) },
      { before: anUpdate({ revision: 2 }), after: anUpdate({ revision: 3 }) },
    ];
    expect(cardRoundRevision(history, anUpdate({ revision: 3 }))).toBe(1);
  });

  it("starts a new round when the lead resubmits after a Return", () => {
    const returned = anUpdate({ revision: 2, state: "returned", decision });
    const history = [
      { before: null, after: anUpdate({ revision: 1 }) },
      { before: anUpdate({ revision: 1 }), after: anUpdate({ revision: 2 }) },
      { before: anUpdate({ revision: 2 }), after: returned },
      { before: returned, after: anUpdate({ revision: 3 }) },
      { before: anUpdate({ revision: 3 }), after: anUpdate({ revision: 4 }) },
    ];
    expect(cardRoundRevision(history, anUpdate({ revision: 4 }))).toBe(3);
  });

  it("still names the round's cards once the update is decided", () => {
    const approved = anUpdate({
      revision: 2,
      state: "approved",
      decision: { ...decision, outcome: "approved" },
    });
    const history = [
      { before: null, after: anUpdate({ revision: 1 }) },
      { before: anUpdate({ revision: 1 }), after: anUpdate({ revision: 2 }) },
      { before: anUpdate({ revision: 2 }), after: approved },
    ];
    expect(cardRoundRevision(history, approved)).toBe(1);
  });

  it("falls back to the current revision without a history", () => {
    expect(cardRoundRevision([], anUpdate({ revision: 4 }))).toBe(4);
  });
});
