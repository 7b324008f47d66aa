import { describe, expect, it } from "vitest";
import { answerRefs, fixture } from "./ask.ts";
import { loadSamplePlan } from "./load-sample.ts";

/**
 * Questions as busy managers type them, over the real sample plan (19 actions, no Reds, every
 * date in 2022–23 so all are overdue on 23 November 2026, no updates yet). The asker leads
 * "HoS / Service Manager".
 */
const { plan, actions } = loadSamplePlan();
const world = fixture(plan, actions, {
  updates: [],
  currentQuarter: "2026-Q3",
  today: "2026-11-23",
  askerLeads: ["HoS / Service Manager"],
});

const csc = (...numbers: number[]) => numbers.map((n) => `CSC-${String(n).padStart(2, "0")}`);
const ALL = csc(...Array.from({ length: 19 }, (_, i) => i + 1));
const AMBER_P3 = csc(2, 3, 4, 5, 6, 8, 9, 11, 15, 16, 19);
const HOS = csc(1, 2, 3, 4, 7, 9, 10, 11, 12, 13, 14, 15, 16, 18, 19);

const CASES: [question: string, refs: string[] | "unknown" | "none" | "asks which"][] = [
  ["what's red for priority 3", []],
  ["whats amber for priority 3", AMBER_P3],
  ["show me the greens", csc(1, 7, 10, 13, 17, 18)],
  ["wats green for priorty 1", csc(13)],
  ["ambr for p1", csc(12, 14)],
  ["at risk for priority 1", csc(12, 14)],
  ["what's not green in fostering", csc(15, 16)],
  ["priority 4", csc(9)],
  ["P3 and P4 ambers", AMBER_P3],
  ["pri 1", csc(12, 13, 14)],
  ["priorities 1 and 4", csc(9, 12, 13, 14)],
  ["domestic abuse", csc(9)],
  ["anything green for protecting children", csc(1, 7, 10, 17, 18)],
  ["what's amber for SEND", []],
  ["emotional health and wellbeing", []],
  ["transition to adulthood", csc(12, 13, 14)],
  ["AMBER FOR PRIORITY 1", csc(12, 14)],
  ["what is the LADO doing", csc(19)],
  ["show overdue actions for HoS", HOS],
  // "IRO" is a Lead role and in the section "IRO/CP/LADO": the person picks which.
  ["for IRO", "asks which"],
  ["for IRO Manager", "asks which"],
  ["anything for the PSW", csc(8)],
  ["HoS / Service Manager actions", csc(1, 2, 3, 7, 11)],
  ["hos/service manager", csc(1, 2, 3, 7, 11)],
  ["team managers", csc(6, 9, 12, 13, 14, 15, 16, 17, 18)],
  ["supervising social worker", csc(13, 16)],
  ["service manager amber", csc(2, 3, 4, 6, 8, 9, 11, 12, 14, 15, 16)],
  ["head of service greens", csc(1, 7, 10, 13, 18)],
  ["my actions", csc(1, 2, 3, 7, 11)],
  ["my ambers", csc(2, 3, 11)],
  ["fostering", csc(15, 16, 17, 18)],
  ["fostring", csc(15, 16, 17, 18)],
  ["care leavers", csc(12, 13, 14)],
  ["what's amber in care leavers", csc(12, 14)],
  ["what's overdue and amber for care leavers", csc(12, 14)],
  ["looked after children", csc(10, 11, 12, 13, 14, 15, 16, 17, 18)],
  ["children in need", csc(1, 2, 3, 4, 5, 6, 7, 8, 9)],
  ["placements", csc(10, 11)],
  ["whats amber for decison making", csc(6, 8)],
  ["info sharing", csc(1, 2)],
  ["workforce", csc(9)],
  ["collaboration ambers", csc(3, 4, 5)],
  ["pls list amber fostering actions", csc(15, 16)],
  ["ldao", csc(19)],
  ["anything about fostering", csc(11, 13, 15, 16, 17, 18)],
  ["anything about adoption", csc(11)],
  ["CSC-07", csc(7)],
  ["tell me about csc 7", csc(7)],
  ["csc07", csc(7)],
  ["how many ambers", csc(2, 3, 4, 5, 6, 8, 9, 11, 12, 14, 15, 16, 19)],
  ["summary for priority 1", csc(12, 13, 14)],
  ["summary", ALL],
  ["overdue", ALL],
  ["due by end of march 2022", csc(1, 9, 10, 12, 13, 17, 18)],
  ["by 30/09/2022", csc(1, 2, 3, 4, 5, 6, 7, 9, 10, 12, 13, 17, 18, 19)],
  ["due in december 2022", csc(8, 11, 15, 16)],
  ["no date", []],
  ["due this quarter", []],
  ["not updated this review", ALL],
  ["awaiting sign-off", []],
  ["Show me everything", ALL],
  ["can you show me the amber actions for the LADO please", csc(19)],
  ["what's behind for HoS", []],
  ["green or amber for pririty 4", csc(9)],
  ["what's red for priority 9", "unknown"],
  ["hello", "unknown"],
  ["CSC-42", "none"],
];

describe("questions over the sample plan", () => {
  it.each(CASES)("%s", (question, expected) => {
    expect(answerRefs(question, world)).toEqual(expected);
  });
});
