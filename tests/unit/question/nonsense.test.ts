import { describe, expect, it } from "vitest";
import { buildVocabulary, parseQuestion } from "../../../src/domain/question/index.ts";
import { loadSamplePlan } from "./load-sample.ts";

const { plan, actions } = loadSamplePlan();
const vocab = buildVocabulary(plan, actions);

describe("nonsense is not guessed at", () => {
  it.each(["purple monkey dishwasher", "asdf qwerty", "banana", "hello"])(
    "%s is not understood",
    (text) => {
      expect(parseQuestion(text, vocab, "2026-11-23").kind).toBe("unknown");
    },
  );

  it("still reads a misspelt word of the plan's own names, and a plan word typed exactly", () => {
    const fostering = parseQuestion("anything about fostring", vocab, "2026-11-23");
    expect(fostering.kind).toBe("query");
    const adoption = parseQuestion("adoption", vocab, "2026-11-23");
    expect(adoption.kind).toBe("query");
  });
});
