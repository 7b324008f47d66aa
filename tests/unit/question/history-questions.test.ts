import { describe, expect, it } from "vitest";
import { answerRefs } from "./ask.ts";
import { syntheticRefs, syntheticWorld } from "./synthetic-plan.ts";

/**
 * Questions across quarters, answered from the stored updates: at the end of 2026-Q2 T-1 and T-10
 * stood Red (the RAG their Q3 updates were sent against), T-4, T-6 and T-12 Green; during Q3 DMT
 * approved T-3 Amber → Red, T-6 Green → Red and T-8 Amber → Green.
 */
const world = syntheticWorld();
const t = syntheticRefs;

describe("questions about earlier quarters", () => {
  it.each([
    ["what was red last quarter", t(1, 10)],
    ["which were green at the end of last quarter", t(4, 6, 12)],
    ["red last quarter for HoS", t(1, 10)],
    ["how many were amber in the previous quarter", t(2, 3, 5, 7, 8, 11)],
    ["what went red this quarter", t(3, 6)],
    ["what changed since the last review", t(3, 6, 8)],
    ["which actions got worse", t(3, 6)],
    ["what has deteriorated in safeguarding", t(3)],
    ["which improved", t(8)],
    ["due after March", t(7)],
    ["what's due after the end of December", t(3, 7, 10)],
  ])("%s", (question, refs) => {
    expect(answerRefs(question, world)).toEqual(refs);
  });

  it("still says what it cannot answer about the past", () => {
    expect(answerRefs("overdue last quarter", world)).toBe("unknown");
    expect(answerRefs("what was red last year", world)).toBe("unknown");
  });
});
