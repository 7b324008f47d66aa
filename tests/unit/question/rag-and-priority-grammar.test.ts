import { describe, expect, it } from "vitest";
import { parseSample, sampleQuery } from "./ask.ts";

describe("RAG words", () => {
  it.each([
    ["what's red", ["Red"]],
    ["reds", ["Red"]],
    ["what's behind", ["Red"]],
    ["anything running late", ["Red"]],
    ["off track", ["Red"]],
    ["ambers please", ["Amber"]],
    ["greens", ["Green"]],
    ["what's on track", ["Green"]],
    ["what's at risk", ["Amber"]],
    ["red and amber", ["Red", "Amber"]],
    ["green or amber", ["Green", "Amber"]],
    ["not green", ["Red", "Amber", "none"]],
    ["anything but green", ["Red", "Amber", "none"]],
    ["not red", ["Amber", "Green", "none"]],
    ["no rag rating", ["none"]],
  ])("%s", (question, rags) => {
    expect(sampleQuery(question).rags).toEqual(rags);
  });

  it("keeps late (Red) apart from overdue (a passed date)", () => {
    expect(sampleQuery("late")).toMatchObject({ rags: ["Red"], dates: [] });
    expect(sampleQuery("overdue")).toMatchObject({ rags: [], dates: [{ kind: "overdue" }] });
  });
});

describe("priorities", () => {
  it.each([
    ["priority 3", [3]],
    ["P3", [3]],
    ["p 3", [3]],
    ["pri 3", [3]],
    ["prio 3", [3]],
    ["priority three", [3]],
    ["priority no. 2", [2]],
    ["priorities 3 and 4", [3, 4]],
    ["priority 3, 4 and 5", [3, 4, 5]],
    ["p1 and p2", [1, 2]],
    ["p3/p4", [3, 4]],
    ["protecting children", [3]],
    ["protecting children at risk of harm", [3]],
    ["domestic abuse", [4]],
    ["domestic violence", [4]],
    ["SEND", [5]],
    ["what's amber for send", [5]],
    ["education", [5]],
    ["transition to adulthood", [1]],
    ["adulthood", [1]],
    ["emotional health", [2]],
    ["wellbeing", [2]],
    ["domestic abuse and SEND", [4, 5]],
  ])("%s", (question, priorities) => {
    expect(sampleQuery(question).priorities).toEqual(priorities);
  });

  it("reads “at risk of harm” as the priority's name, and “at risk” alone as Amber, as the plan's key does", () => {
    expect(sampleQuery("amber for children at risk of harm")).toMatchObject({
      rags: ["Amber"],
      priorities: [3],
    });
    expect(sampleQuery("at risk for priority 3")).toMatchObject({
      rags: ["Amber"],
      priorities: [3],
    });
  });

  it("does not read “send” as a priority when it is the verb", () => {
    expect(sampleQuery("send me the reds")).toMatchObject({ rags: ["Red"], priorities: [] });
  });

  it("does not take a date's day for a priority", () => {
    expect(sampleQuery("priority 3 by 31 march")).toMatchObject({
      priorities: [3],
      dates: [{ kind: "dueBy", date: "2027-03-31" }],
    });
  });

  it("answers a priority the plan does not have with the plan's range", () => {
    expect(parseSample("what's red for priority 9")).toEqual({
      kind: "unknown",
      reason: "There is no priority 9 in this plan — it has priorities 1 to 5.",
    });
  });
});
