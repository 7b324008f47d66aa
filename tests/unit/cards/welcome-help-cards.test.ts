import { describe, expect, it } from "vitest";
import { buildHelpCard } from "../../../src/cards/help-card.ts";
import { buildWelcomeCard } from "../../../src/cards/welcome-card.ts";
import type { Role } from "../../../src/domain/person.ts";
import { cardProblems, readableCardText } from "../../support/validate-card.ts";
import { buttons } from "./card-fixtures.ts";

const verbs = (card: unknown) => buttons(card).map((b) => b.verb);

describe("welcome card", () => {
  const lead = {
    name: "Jo Bloggs",
    roles: ["lead", "manager"] as Role[],
    leads: ["HoS / Service Manager", "IRO"],
  };

  it("greets by name and says what the person is to the bot and what they lead", () => {
    const card = buildWelcomeCard({
      person: lead,
      ledActions: [
        { lead: "HoS / Service Manager", count: 5 },
        { lead: "IRO", count: 1 },
      ],
      note: "Demo data: the sample plan's dates are moved forward to run from this quarter",
    });
    expect(cardProblems(card)).toEqual([]);
    const text = readableCardText(card).join("\n");
    expect(text).toContain("Hello Jo Bloggs");
    expect(text).toContain("an action lead");
    expect(text).toContain("a manager");
    expect(text).toContain(
      "You lead 6 actions: 5 as \u201cHoS / Service Manager\u201d, 1 as \u201cIRO\u201d.",
    );
    expect(text).toContain("Demo data: the sample plan's dates are moved forward");
    expect(verbs(card)).toEqual(["askQuestion", "myActions", "help"]);
  });

  it("says plainly when no action has the person's Lead", () => {
    const card = buildWelcomeCard({
      person: lead,
      ledActions: [{ lead: "HoS / Service Manager", count: 0 }],
    });
    expect(readableCardText(card).join("\n")).toMatch(
      /No actions in the plan have .*as their Lead/,
    );
  });

  it("offers DMT the review and no My actions button", () => {
    const card = buildWelcomeCard({
      person: { name: "Sam Patel", roles: ["dmt"], leads: [] },
      ledActions: [],
    });
    expect(cardProblems(card)).toEqual([]);
    expect(verbs(card)).toEqual(["askQuestion", "startReview", "help"]);
    expect(readableCardText(card).join("\n")).toContain("a DMT member");
  });
});

describe("help card", () => {
  it("shows a lead only what a lead can do", () => {
    const card = buildHelpCard({ person: { roles: ["lead"] } });
    expect(cardProblems(card)).toEqual([]);
    expect(verbs(card)).toEqual(["myActions"]);
  });

  it("shows managers example questions as buttons that ask them", () => {
    const card = buildHelpCard({ person: { roles: ["manager"] } });
    expect(cardProblems(card)).toEqual([]);
    const questions = buttons(card).filter((b) => b.verb === "askQuestion");
    expect(questions.map((b) => b.title)).toContain("what's red for priority 3");
    expect(questions.map((b) => b.title)).toContain("CSC-07");
    for (const button of questions) expect(button.data).toEqual({ text: button.title });
    expect(verbs(card)).not.toContain("startReview");
  });

  it("shows DMT and admins how to run the review and manage people", () => {
    const card = buildHelpCard({ person: { roles: ["dmt", "admin"] } });
    expect(cardProblems(card)).toEqual([]);
    expect(verbs(card)).toContain("startReview");
    expect(readableCardText(card).join("\n")).toContain("people add");
  });

  it("tells someone with no role who can give them one", () => {
    expect(readableCardText(buildHelpCard({ person: { roles: [] } })).join("\n")).toMatch(
      /no role.*admin/,
    );
  });
});
