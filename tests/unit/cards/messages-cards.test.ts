import { describe, expect, it } from "vitest";
import { executeAction } from "../../../src/cards/elements.ts";
import { buildNotUnderstoodCard } from "../../../src/cards/not-understood-card.ts";
import {
  buildNotInDirectoryCard,
  buildNoticeCard,
  buildStoreDownCard,
} from "../../../src/cards/notice-card.ts";
import { buildOutcomeCard } from "../../../src/cards/outcome-card.ts";
import { cardProblems, cardText, readableCardText } from "../../support/validate-card.ts";
import {
  APPROVED,
  buttons,
  makeAction,
  makeUpdate,
  RETURNED,
  textBlocksWith,
} from "./card-fixtures.ts";

describe("not-understood card", () => {
  it("restates what was typed, literally, and offers three questions as buttons", () => {
    const card = buildNotUnderstoodCard({ text: "what about *priority 9*?" });
    expect(cardProblems(card)).toEqual([]);
    expect(readableCardText(card)[0]).toMatch(/^Sorry, I didn't understand/);
    expect(cardText(card)).toContain("You wrote: \u201cwhat about \\*priority 9\\*?\u201d");
    const questions = buttons(card);
    expect(questions).toHaveLength(3);
    for (const button of questions) {
      expect(button).toMatchObject({
        type: "Action.Execute",
        verb: "askQuestion",
        data: { text: button.title },
      });
    }
  });
});

describe("notice cards", () => {
  it("refuses someone not in the directory, naming the admins to ask", () => {
    const card = buildNotInDirectoryCard([{ name: "Alex Admin", email: "alex@council.gov.uk" }]);
    expect(cardProblems(card)).toEqual([]);
    const text = readableCardText(card).join("\n");
    expect(text).toContain("I don't know you yet");
    expect(text).toContain("ask an admin to add you: Alex Admin (alex@council.gov.uk)");
  });

  it("tells someone the save failed and that their text is safe", () => {
    const card = buildStoreDownCard();
    expect(cardProblems(card)).toEqual([]);
    expect(readableCardText(card)).toContain(
      "Couldn't save \u2014 please press Submit again. Your text is still in the card.",
    );
  });

  it("shows a titled message with buttons, in the requested tone", () => {
    const card = buildNoticeCard({
      title: "Only DMT can start a review",
      tone: "attention",
      lines: ["Ask a DMT member or an admin."],
      buttons: [executeAction("Help", "help", {})],
    });
    expect(cardProblems(card)).toEqual([]);
    expect(textBlocksWith(card, "Only DMT")[0]).toMatchObject({ color: "attention" });
    expect(buttons(card).map((b) => b.title)).toEqual(["Help"]);
  });
});

describe("outcome card", () => {
  const action = makeAction();
  it("tells the lead their update was approved, by whom and when", () => {
    const card = buildOutcomeCard({
      action,
      update: makeUpdate({ state: "approved", decision: APPROVED, proposedRag: "Green" }),
    });
    expect(cardProblems(card)).toEqual([]);
    const text = readableCardText(card);
    expect(text).toContain("Your October to December 2026 update on CSC-07 was approved");
    expect(text).toContain("Approved by Sam Patel on 3 December 2026 at 10:42");
    expect(textBlocksWith(card, "\u25cf Green")[0]).toMatchObject({ color: "good" });
    expect(buttons(card)).toEqual([]);
  });

  it("tells the lead it was returned, with the comment and a way to revise", () => {
    const card = buildOutcomeCard({
      action,
      update: makeUpdate({
        state: "returned",
        decision: { ...RETURNED, comment: "Add the *Q3* figures" },
      }),
    });
    expect(cardProblems(card)).toEqual([]);
    expect(readableCardText(card)).toContain("Comment: Add the *Q3* figures");
    expect(buttons(card)).toEqual([
      expect.objectContaining({
        title: "Revise my update",
        verb: "editUpdate",
        data: { ref: "CSC-07", quarter: "2026-Q3" },
      }),
    ]);
  });
});
