import { describe, expect, it } from "vitest";
import { parseQuestion } from "../../../src/domain/question/index.ts";
import { answerRefs } from "./ask.ts";
import { syntheticRefs, syntheticWorld, TODAY } from "./synthetic-plan.ts";

const world = syntheticWorld();
const t = syntheticRefs;

describe("the kinds of question an independent set of managers' questions missed", () => {
  it.each([
    // A section named by its phrase is the section, though a priority's name holds it too.
    ["anything in safeguarding?", t(3, 4, 9, 11)],
    ["what's red in Safeguarding", t(3)],
    ["anything in children in care", t(5, 6, 12)],
    // A negation beside a Lead and a date.
    ["HoS — what's due before the end of March that isn't green", t(1, 2, 6, 10)],
    ["virtual school head: anything that isn't amber", t(8)],
    ["what's not red for the IRO manager", t(5, 12)],
    ["exploitation actions that aren't green", t(3, 11)],
  ])("%s", (question, refs) => {
    expect(answerRefs(question, world)).toEqual(refs);
  });

  it("reads a Ref written like the plan's but not in it as that Ref, not as a question it missed", () => {
    expect(parseQuestion("t-99", world.vocab, TODAY)).toEqual({ kind: "missingRef", ref: "T-99" });
    expect(parseQuestion("what is T 40 about", world.vocab, TODAY)).toEqual({
      kind: "missingRef",
      ref: "T-40",
    });
  });
});
