import { describe, expect, it } from "vitest";
import { sampleQuery } from "./ask.ts";

describe("review state in questions", () => {
  it.each([
    ["awaiting sign-off", "awaitingSignOff"],
    ["awaiting sign off", "awaitingSignOff"],
    ["what's waiting for approval", "awaitingSignOff"],
    ["what needs signing off", "awaitingSignOff"],
    ["pending", "awaitingSignOff"],
    ["returned", "returned"],
    ["what was sent back", "returned"],
    ["approved this quarter", "approved"],
    ["not updated this review", "notUpdated"],
    ["who hasn't updated", "notUpdated"],
    ["which actions have not been updated yet", "notUpdated"],
    ["no update this quarter", "notUpdated"],
    ["missing updates", "notUpdated"],
    ["updated this quarter", "updated"],
    ["changed RAG since last quarter", "changedRag"],
    ["what's changed since last quarter", "changedRag"],
    ["rag changes", "changedRag"],
  ])("%s", (question, kind) => {
    expect(sampleQuery(question).review).toEqual([{ kind }]);
  });

  it.each([
    ["complete", ["complete"]],
    ["completed actions", ["complete"]],
    ["signed off", ["complete"]],
    ["done", ["complete"]],
    ["not complete", ["open"]],
    ["still open", ["open"]],
    ["in progress", ["open"]],
  ])("%s", (question, completion) => {
    expect(sampleQuery(question).completion).toEqual(completion);
  });

  it("reads “gone red” as a change to Red", () => {
    expect(sampleQuery("what's gone red")).toMatchObject({
      rags: ["Red"],
      review: [{ kind: "changedRag" }],
    });
  });

  it("reads “updated since” with a date", () => {
    expect(sampleQuery("updated since 01/10/2026").review).toEqual([
      { kind: "updatedSince", date: "2026-10-01" },
    ]);
  });
});
