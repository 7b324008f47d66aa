import { describe, expect, it } from "vitest";
import { describeQuery, EXAMPLE_QUESTIONS } from "../../../src/domain/question/index.ts";
import { parseSample, sampleQuery } from "./ask.ts";

describe("sections and delivery areas", () => {
  it.each([
    ["fostering", { deliveryAreas: ["Fostering"] }],
    ["what's amber in care leavers", { deliveryAreas: ["Care Leavers"], rags: ["Amber"] }],
    ["placements", { deliveryAreas: ["Placements and achieving permanence"] }],
    ["permanence", { deliveryAreas: ["Placements and achieving permanence"] }],
    ["decision-making", { deliveryAreas: ["Decision-making"] }],
    ["information sharing", { deliveryAreas: ["Information Sharing"] }],
    ["children looked after", { sections: ["Children Looked After and Care Leavers"] }],
    ["CLA", { sections: ["Children Looked After and Care Leavers"] }],
    ["children in need", { sections: ["Children in need of help and protection"] }],
    ["help and protection", { sections: ["Children in need of help and protection"] }],
    ["fostering or care leavers", { deliveryAreas: ["Fostering", "Care Leavers"] }],
  ])("%s", (question, expected) => {
    expect(sampleQuery(question)).toMatchObject(expected);
  });
});

describe("free text", () => {
  it("searches for what follows “about”, even a name", () => {
    expect(sampleQuery("anything about fostering")).toMatchObject({
      text: ["fostering"],
      deliveryAreas: [],
    });
    expect(sampleQuery("anything about staying put that's green")).toMatchObject({
      text: ["staying put"],
      rags: ["Green"],
    });
  });

  it("searches for the plan's own words without “about”", () => {
    expect(sampleQuery("adoption").text).toEqual(["adoption"]);
  });

  it("ends the search words at a filter", () => {
    expect(sampleQuery("anything mentioning foster carers for HoS")).toMatchObject({
      text: ["foster carers"],
      leads: [{ match: "part", value: "HoS" }],
    });
  });

  it("skips words like please and can you show me", () => {
    const parsed = parseSample("please can you show me the reds for priority 3 thanks");
    expect(parsed).toMatchObject({
      kind: "query",
      ignored: [],
      query: { rags: ["Red"], priorities: [3] },
    });
  });

  it("reports, and does not use, words it does not know", () => {
    const parsed = parseSample("reds wibble");
    expect(parsed).toMatchObject({
      kind: "query",
      ignored: ["wibble"],
      query: { rags: ["Red"], text: [] },
    });
  });
});

describe("one action by Ref", () => {
  it.each([
    "CSC-07",
    "csc-07",
    "csc 7",
    "csc07",
    "CSC7",
    "tell me about csc 7",
    "what's happening with CSC-07?",
  ])("%s", (question) => {
    expect(parseSample(question)).toEqual({ kind: "ref", ref: "CSC-07" });
  });

  it("lists several Refs asked together", () => {
    expect(sampleQuery("csc 7 and csc 12").refs).toEqual(["CSC-07", "CSC-12"]);
  });

  it("understands a Ref the plan does not hold, so the answer says only that there is none", () => {
    expect(parseSample("csc 42")).toEqual({ kind: "missingRef", ref: "CSC-42" });
    expect(parseSample("what's red in CSC-42")).toEqual({ kind: "missingRef", ref: "CSC-42" });
  });
});

describe("counts and summaries", () => {
  it("reads “how many” as a count of whatever else was asked", () => {
    expect(sampleQuery("how many reds")).toMatchObject({ count: true, rags: ["Red"] });
    expect(sampleQuery("how many actions are there")).toMatchObject({ count: true, rags: [] });
    expect(sampleQuery("number of overdue actions for HoS")).toMatchObject({
      count: true,
      dates: [{ kind: "overdue" }],
    });
  });

  it("reads a summary, for the whole plan or some priorities", () => {
    expect(parseSample("summary")).toEqual({ kind: "summary", priorities: [] });
    expect(parseSample("summary for priority 1")).toEqual({ kind: "summary", priorities: [1] });
    expect(parseSample("give me an overview of p3 and p4")).toEqual({
      kind: "summary",
      priorities: [3, 4],
    });
  });

  it("reads a summary of something other than priorities as counts of it", () => {
    expect(sampleQuery("summary for HoS")).toMatchObject({
      count: true,
      leads: [{ match: "part", value: "HoS" }],
    });
  });

  it("lists everything when asked for all actions", () => {
    expect(sampleQuery("show me everything")).toMatchObject({
      rags: [],
      priorities: [],
      count: false,
    });
  });
});

describe("what it will not guess", () => {
  it.each([
    ["", "I couldn't find a question in that."],
    ["hello", "I couldn't find a question in that."],
    ["xyzzy", "I didn't recognise “xyzzy”."],
    ["wibble wobble", "I didn't recognise “wibble”, “wobble”."],
  ])("%j", (question, reason) => {
    expect(parseSample(question)).toEqual({ kind: "unknown", reason });
  });

  it("does not answer for the whole plan when the only other word is unknown", () => {
    expect(parseSample("how many zebras")).toEqual({
      kind: "unknown",
      reason: "I didn't recognise “zebras”.",
    });
  });

  it("refuses to leave things out rather than ignore “not”", () => {
    expect(parseSample("not for HoS")).toMatchObject({
      kind: "unknown",
      reason: expect.stringContaining("leave things out"),
    });
    expect(parseSample("everything except fostering")).toMatchObject({ kind: "unknown" });
  });

  it("answers “or” between a RAG and a date as either, and says it did", () => {
    const parsed = parseSample("red or overdue");
    expect(parsed).toMatchObject({
      kind: "query",
      query: { rags: ["Red"], dates: [{ kind: "overdue" }], either: ["rags", "dates"] },
    });
    if (parsed.kind === "query") {
      expect(describeQuery(parsed.query, { priorities: [] })).toBe("Red or Overdue");
    }
  });

  it("refuses “or” between a state and a name, saying what “or” can join", () => {
    expect(parseSample("red or HoS")).toMatchObject({
      kind: "unknown",
      reason: expect.stringMatching(/RAG colours, dates and review states.*separately/),
    });
  });

  it("refuses a name after “for” that the plan does not have", () => {
    expect(parseSample("what's red for Bob")).toMatchObject({
      kind: "unknown",
      reason: expect.stringContaining("“Bob”"),
    });
  });

  it("refuses questions about past ratings it cannot answer", () => {
    expect(parseSample("what was red last year")).toMatchObject({ kind: "unknown" });
    expect(parseSample("overdue last quarter")).toMatchObject({ kind: "unknown" });
  });

  it("offers three example questions it does understand", () => {
    expect(EXAMPLE_QUESTIONS).toHaveLength(3);
    for (const question of EXAMPLE_QUESTIONS)
      expect(parseSample(question).kind).not.toBe("unknown");
  });
});
