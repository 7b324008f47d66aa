import { describe, expect, it } from "vitest";
import { type PlanVocabulary, parseQuestion } from "../../../src/domain/question/index.ts";

const VOCAB: PlanVocabulary = {
  priorities: [
    { number: 2, name: "Early Help and Family Hubs" },
    { number: 4, name: "Safeguarding Adolescents from Exploitation" },
  ],
  leads: ["Service Manager, Adolescent Services", "Head of Prevention"],
  sections: ["Family Hubs Programme", "Contextual Safeguarding"],
  deliveryAreas: ["Social Care"],
  refs: ["2.1", "4.1"],
  words: ["section", "hubs", "priority"],
};

const parse = (text: string) => parseQuestion(text, VOCAB, "2026-11-23");

describe("a phrase two names share, settled by the rest of the question", () => {
  it("still asks which when nothing else says", () => {
    expect(parse("family hubs")).toMatchObject({
      kind: "query",
      chooseName: { typed: "family hubs" },
    });
  });

  it.each([
    ["anything on the family hubs priority", { priorities: [2], sections: [] }],
    ["whats red in the hubs section", { sections: ["Family Hubs Programme"], text: [] }],
    ["priority family hubs", { priorities: [2] }],
  ])("reads the kind said beside it: %s", (question, query) => {
    const parsed = parse(question);
    expect(parsed).toMatchObject({ kind: "query", query });
    expect(parsed).not.toHaveProperty("chooseName");
  });

  it("reads the choice another word of the question names", () => {
    const parsed = parse("adolescents exploitation amber");
    expect(parsed).toMatchObject({ kind: "query", query: { priorities: [4], leads: [] } });
    expect(parsed).not.toHaveProperty("chooseName");
  });
});

describe("a word the grammar knows only inside a phrase", () => {
  const plan: PlanVocabulary = {
    priorities: [{ number: 1, name: "Children with SEND and those missing education" }],
    leads: ["Head of Inclusion"],
    sections: ["Missing from Home"],
    deliveryAreas: [],
    refs: ["1.1"],
    words: ["missing", "interviews"],
  };

  it("names what holds it (“missing”), and asks which when two names do", () => {
    expect(parseQuestion("missing", plan, "2026-11-23")).toMatchObject({
      kind: "query",
      chooseName: { typed: "missing" },
    });
    expect(parseQuestion("missing from home", plan, "2026-11-23")).toMatchObject({
      query: { sections: ["Missing from Home"] },
    });
  });

  it("still reads the grammar's phrase (“missing a RAG”)", () => {
    expect(parseQuestion("missing a rag", plan, "2026-11-23")).toMatchObject({
      query: { rags: ["none"] },
    });
  });
});
