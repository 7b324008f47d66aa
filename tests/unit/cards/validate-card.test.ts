import { GlobalRegistry } from "adaptivecards";
import { afterEach, describe, expect, it } from "vitest";
import { cardProblems, cardText } from "../../support/validate-card.ts";

const envelope = {
  $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
  type: "AdaptiveCard",
  version: "1.5",
};

const card = (body: unknown[], actions: unknown[] = []) => ({ ...envelope, body, actions });

describe("cardProblems (the Adaptive Cards 1.5 check every card test uses)", () => {
  it("passes a valid card with an Action.Execute button", () => {
    const valid = card(
      [{ type: "TextBlock", text: "CSC-07", wrap: true }],
      [
        {
          type: "Action.Execute",
          title: "Approve",
          verb: "approveUpdate",
          data: { ref: "CSC-07" },
        },
      ],
    );
    expect(cardProblems(valid)).toEqual([]);
  });

  it("reports a wrong version, unknown elements and unknown actions", () => {
    const problems = cardProblems({
      ...card([{ type: "Text.Block", text: "x" }], [{ type: "Action.Bogus", title: "x" }]),
      version: "1.2",
    });
    expect(problems.join("\n")).toMatch(/version is 1.2/);
    expect(problems.join("\n")).toMatch(/UnknownElementType/);
    expect(problems.join("\n")).toMatch(/UnknownActionType/);
  });

  it("reports repeated input ids and required inputs with no label", () => {
    const problems = cardProblems(
      card([
        { type: "Input.Text", id: "progress", isRequired: true },
        { type: "Input.Text", id: "progress", label: "Again" },
      ]),
    ).join("\n");
    expect(problems).toMatch(/DuplicateId/);
    expect(problems).toMatch(/RequiredInputsShouldHaveLabel/);
  });

  it("reports misspelt properties that hosts would silently ignore", () => {
    expect(cardProblems(card([{ type: "TextBlock", text: "x", wrapp: true }]))).toEqual([
      'TextBlock has a property the schema does not know: "wrapp"',
    ]);
  });

  describe("when the package does not know Action.Execute", () => {
    afterEach(() => GlobalRegistry.reset());

    it("reports the button rather than passing a card that lost it", () => {
      GlobalRegistry.actions.unregister("Action.Execute");
      const problems = cardProblems(
        card([], [{ type: "Action.Execute", title: "Approve", verb: "approveUpdate", data: {} }]),
      ).join("\n");
      expect(problems).toMatch(/UnknownActionType/);
      expect(problems).toMatch(/verbs \[approveUpdate\] came back as \[\]/);
    });
  });

  it("reports Action.Submit and an Action.Execute without a verb", () => {
    const problems = cardProblems(
      card(
        [],
        [
          { type: "Action.Submit", title: "Send" },
          { type: "Action.Execute", title: "Go" },
        ],
      ),
    ).join("\n");
    expect(problems).toMatch(/"Send" is Action.Submit/);
    expect(problems).toMatch(/"Go" has no verb/);
  });
});

describe("cardText", () => {
  it("lists what a person reads, but not what an input holds", () => {
    const text = cardText(
      card(
        [
          { type: "TextBlock", text: "Hello" },
          { type: "Input.Text", id: "p", label: "Progress", value: "typed" },
          { type: "FactSet", facts: [{ title: "Lead", value: "HoS" }] },
        ],
        [{ type: "Action.Execute", title: "Submit update", verb: "submitUpdate", data: {} }],
      ),
    );
    expect(text).toEqual(["Hello", "Progress", "Lead", "HoS", "Submit update"]);
  });
});
