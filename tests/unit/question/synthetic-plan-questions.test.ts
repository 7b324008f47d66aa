import { describe, expect, it } from "vitest";
import { answerRefs } from "./ask.ts";
import { syntheticRefs, syntheticWorld } from "./synthetic-plan.ts";

/**
 * Questions over a made-up plan whose dates sit around 23 November 2026 (2026-Q3 under review)
 * and whose updates cover every review state. The asker leads "HoS/QA Manager".
 */
const world = syntheticWorld(["hos / qa manager"]);

const t = syntheticRefs;
const REDS = t(1, 3, 6, 10);

const CASES: [question: string, refs: string[] | "unknown" | "none" | "asks which"][] = [
  ["what's red", REDS],
  ["whats red", REDS],
  ["what's late", REDS],
  ["anything behind schedule?", REDS],
  ["ambers", t(2, 5, 7, 11)],
  ["at risk", t(2, 5, 7, 11)],
  ["not green", t(1, 2, 3, 5, 6, 7, 9, 10, 11)],
  ["which actions have no rag", t(9)],
  ["overdue", t(1, 6, 8)],
  ["show overdue actions for HoS", t(1, 6)],
  ["how many overdue", t(1, 6, 8)],
  ["what's due this quarter", t(2, 4, 6, 11, 12)],
  ["due next quarter", t(3, 10)],
  ["due this month", t(4, 12)],
  ["what's due before end of March", t(1, 2, 3, 4, 6, 8, 10, 11, 12)],
  ["due by 31/12/2026", t(1, 2, 4, 6, 8, 11, 12)],
  ["what's due before 31 December", t(1, 4, 6, 8, 11, 12)],
  ["due in december", t(2, 11)],
  ["red by the end of the quarter", t(1, 6)],
  ["due in Q4", t(3, 10)],
  ["no date", t(5, 9)],
  ["which are TBC", t(5, 9)],
  ["awaiting sign off", t(1, 10)],
  ["what's pending sign-off for priority 1", t(1, 10)],
  ["returned", t(2)],
  ["what was sent back", t(2)],
  ["approved", t(3, 5, 6, 8)],
  ["not updated this review", t(7, 9, 11)],
  ["who hasn't updated", t(7, 9, 11)],
  ["actions with no update this quarter", t(7, 9, 11)],
  ["updated since 1 November", t(1, 2, 6, 10)],
  ["updated since 01/10/2026", t(1, 2, 3, 5, 6, 8, 10)],
  ["changed RAG since last quarter", t(3, 6, 8)],
  ["what's gone red", t(3, 6)],
  ["completed", t(4, 12)],
  ["signed off", t(4, 12)],
  ["open actions for priority 3", t(5, 6, 7)],
  ["my actions", t(1, 10)],
  ["my overdue", t(1)],
  ["for IRO", t(5, 12)],
  ["virtual school", t(7, 8)],
  ["QA", t(1, 10)],
  ["what is the LADO doing", t(9)],
  ["red for LADO", []],
  ["adolescents", t(3, 4, 11)],
  ["safeguarding adolescents", t(3, 4, 11)],
  ["whats amber or green for adolecents", t(4, 11)],
  ["getting the basics right", t(1, 2, 10)],
  ["red or amber for SEND", t(7)],
  ["permanence", t(5, 12)],
  ["children in care", t(5, 6, 12)],
  ["exploitation", t(3, 4, 11)],
  ["attendance", t(7, 8)],
  ["allegations", t(9)],
  ["anything about foster carers", t(6, 12)],
  ["how many reds for priority 1", t(1, 10)],
  ["summary for p2", t(3, 4, 11)],
  ["t2", t(2)],
  ["tell me about T-10", t(10)],
  // "or" across a RAG and a date: either will do (reds T-1, T-3, T-6, T-10; overdue T-1, T-6, T-8).
  ["red or overdue", t(1, 3, 6, 8, 10)],
  ["overdue or red for HoS", t(1, 6, 10)],
  ["red or HoS", "unknown"],
  ["what's red for bob", "unknown"],
  ["not for HoS", "unknown"],
];

describe("questions over a synthetic plan with updates", () => {
  it.each(CASES)("%s", (question, expected) => {
    expect(answerRefs(question, world)).toEqual(expected);
  });
});
