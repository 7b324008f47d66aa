import { describe, expect, it } from "vitest";
import { SAMPLE_PLAN } from "../../../src/domain/plan.ts";
import { describeQuery, emptyQuery, type Query } from "../../../src/domain/question/index.ts";
import { sampleQuery } from "./ask.ts";

const describeSample = (question: string) => describeQuery(sampleQuery(question), SAMPLE_PLAN);

describe("restating what was understood", () => {
  it("names the RAG and the priority", () => {
    expect(describeSample("what's red for priority 3")).toBe(
      "Red · Priority 3 — Protecting children at risk of harm",
    );
  });

  it.each([
    ["at risk", "Amber"],
    ["red or amber", "Red or Amber"],
    ["not green", "Not Green"],
    ["priorities 3 and 4", "Priorities 3 and 4"],
    ["show overdue actions for HoS", "Lead: HoS · Overdue"],
    ["my actions", "My actions"],
    ["due this quarter", "Due this quarter (1 October – 31 December 2026)"],
    ["due before end of March", "Due by 31 March 2027"],
    ["due in Q4", "Due 1 January – 31 March 2027"],
    ["no date", "No due date"],
    ["awaiting sign-off for fostering", "Area: Fostering · Awaiting sign-off"],
    ["not updated this review", "Not updated this review"],
    ["changed since last quarter", "RAG changed since last quarter"],
    ["updated since 1/10/2026", "Updated since 1 October 2026"],
    ["anything about staying put", "Mentioning “staying put”"],
    ["completed", "Complete"],
    ["looked after children", "Section: Children Looked After and Care Leavers"],
    ["csc 7 and csc 8", "CSC-07 and CSC-08"],
    ["everything", "All actions"],
  ])("%s → %s", (question, header) => {
    expect(describeSample(question)).toBe(header);
  });

  it("survives a priority the plan no longer names", () => {
    const query: Query = { ...emptyQuery(), priorities: [7] };
    expect(describeQuery(query, { priorities: [] })).toBe("Priority 7");
  });
});
