import { describe, expect, it } from "vitest";
import { type PlanVocabulary, parseQuestion } from "../../../src/domain/question/index.ts";
import { parseSample } from "./ask.ts";

const TODAY = "2026-11-23";

/** A plan numbered by priority and action (1.1 to 2.2), as many councils number theirs. */
const DOTTED: PlanVocabulary = {
  priorities: [
    { number: 1, name: "Priority 1: Early help" },
    { number: 2, name: "Priority 2: Fostering" },
  ],
  leads: ["Head of Prevention"],
  sections: ["Family Hubs"],
  deliveryAreas: ["Social Care"],
  refs: ["1.1", "1.2", "2.1", "2.2"],
  words: ["hubs", "foster", "carers"],
};

describe("a Ref the plan lacks, known by the shape of the plan's Refs", () => {
  it.each([
    ["6.1", "6.1"],
    ["7.2", "7.2"],
    ["what about 3.9?", "3.9"],
    ["tell me about 1.7", "1.7"],
  ])("%s", (question, ref) => {
    expect(parseQuestion(question, DOTTED, TODAY)).toEqual({ kind: "missingRef", ref });
  });

  it("still reads the plan's own Refs", () => {
    expect(parseQuestion("2.1", DOTTED, TODAY)).toMatchObject({ kind: "ref", ref: "2.1" });
  });

  it("does not take two numbers apart, or a date, for a Ref", () => {
    expect(parseQuestion("priority 2 1", DOTTED, TODAY).kind).not.toBe("missingRef");
    expect(parseQuestion("due by 31/12/2026", DOTTED, TODAY).kind).toBe("query");
  });

  it("reads a prefix the plan does not use, in the plan's capitals, as a Ref", () => {
    expect(parseSample("ZZ-07")).toEqual({ kind: "missingRef", ref: "ZZ-07" });
    expect(parseSample("covid-19").kind).not.toBe("missingRef");
  });
});
