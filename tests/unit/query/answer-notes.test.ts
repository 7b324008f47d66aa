import { describe, expect, it } from "vitest";
import { adaptiveCard } from "../../../src/cards/card-json.ts";
import { heading, textBlock } from "../../../src/cards/elements.ts";
import {
  correctionsNote,
  countsNote,
  ignoredNote,
  reachNote,
  withNotes,
} from "../../../src/query/answer-notes.ts";

const lead = (leads: string[]) => ({
  id: "l@council.gov.uk",
  email: "l@council.gov.uk",
  name: "L",
  roles: ["lead" as const],
  leads,
});

describe("the notes under an answer's heading", () => {
  it("says which words were read as others", () => {
    expect(correctionsNote([])).toBeNull();
    expect(correctionsNote([{ typed: "priorty", readAs: "priority" }])).toBe(
      "I read “priorty” as “priority”.",
    );
    expect(
      correctionsNote([
        { typed: "ambr", readAs: "amber" },
        { typed: "priorty", readAs: "priority" },
      ]),
    ).toBe("I read “ambr” as “amber” and “priorty” as “priority”.");
  });

  it("names the words left out, each once", () => {
    expect(ignoredNote([])).toBeNull();
    expect(ignoredNote(["asap", "pls", "asap"])).toBe(
      "I left out “asap” and “pls”, which I didn't recognise.",
    );
  });

  it("tells a lead their answer covers only the actions they lead", () => {
    expect(reachNote(lead(["IRO", "LADO"]), "ownActions")).toBe(
      "You can ask about the actions you lead (IRO; LADO), so I searched only those.",
    );
    expect(reachNote(lead([]), "ownActions")).toContain("the directory lists no Lead for you yet");
    expect(reachNote(lead(["IRO"]), "wholePlan")).toBeNull();
  });

  it("counts by RAG, unrated ones too", () => {
    expect(countsNote([{ rag: "Red" }, { rag: "Red" }, { rag: "Green" }, { rag: null }])).toBe(
      "Red 2 · Amber 0 · Green 1 · Not rated 1",
    );
  });

  it("puts notes after the heading, escaped, and leaves a card without notes alone", () => {
    const card = adaptiveCard([heading("Red"), textBlock("rows")]);
    expect(withNotes(card, [null])).toBe(card);
    const noted = withNotes(card, ["I read *this*", null]);
    expect(noted.body.map((element) => element.text)).toEqual(["Red", "I read \\*this\\*", "rows"]);
    expect(card.body).toHaveLength(2);
  });
});
