import { describe, expect, it } from "vitest";
import { CARD_SIZE_BUDGET_BYTES, cardJsonBytes } from "../../../src/cards/card-json.ts";
import { buildReminderCard, type ReminderInput } from "../../../src/cards/reminder-card.ts";
import { planRefKey } from "../../../src/domain/plan-ref.ts";
import { cardProblems, findObjects, readableCardText } from "../../support/validate-card.ts";
import { buttons, makeAction } from "./card-fixtures.ts";

const fifteen = Array.from({ length: 15 }, (_, i) =>
  makeAction({
    ref: `CSC-${String(i + 1).padStart(2, "0")}`,
    developmentAction:
      "Improve the robustness of information gathering in understanding the child's needs early and at the first point of contact.",
    lead: "HoS / Service Manager / Supervising Social Worker / Team Manager",
  }),
);
const base: ReminderInput = {
  leadName: "Jo Bloggs",
  round: "open",
  quarter: "2026-Q4",
  reviewDate: "2027-03-19",
  actions: fifteen.slice(0, 3),
};

describe("reminder card", () => {
  it("opens the review with the number of actions and the date", () => {
    const card = buildReminderCard(base);
    expect(cardProblems(card)).toEqual([]);
    expect(readableCardText(card)[0]).toBe(
      "The January to March 2027 review is open \u2014 please update your 3 actions by 19 March 2027",
    );
  });

  it("words the chase and the last reminder", () => {
    expect(readableCardText(buildReminderCard({ ...base, round: "chase" }))[0]).toBe(
      "Reminder: 3 updates still needed by 19 March 2027",
    );
    expect(
      readableCardText(
        buildReminderCard({ ...base, round: "final", actions: fifteen.slice(0, 1) }),
      )[0],
    ).toBe("Last reminder: 1 update still needed by 19 March 2027");
  });

  it("lists each action with its Ref, title, due date and RAG, and an Update button for it", () => {
    const card = buildReminderCard(base);
    const text = readableCardText(card).join("\n");
    expect(text).toContain("CSC-02");
    expect(text).toContain("Due: 30 September 2026");
    expect(findObjects(card, (o) => o.text === "\u25cf Amber")).toHaveLength(3);
    expect(buttons(card).find((b) => b.title === "Update CSC-02")).toMatchObject({
      type: "Action.Execute",
      verb: "editUpdate",
      data: { ref: "CSC-02", quarter: "2026-Q4" },
    });
  });

  it("says in each Update button that it comes from a list, and which round's", () => {
    const card = buildReminderCard({ ...base, round: "final" });
    expect(buttons(card).find((b) => b.title === "Update CSC-03")?.data).toEqual({
      ref: "CSC-03",
      quarter: "2026-Q4",
      from: "list",
      round: "final",
    });
  });

  it("shows a mark in place of an action's Update button, counting only what is still needed", () => {
    const card = buildReminderCard({
      ...base,
      round: "chase",
      marks: {
        [planRefKey("default", "CSC-01")]: { text: "Form sent below" },
        [planRefKey("default", "CSC-02")]: {
          text: "Update sent by Jo Bloggs on 10 March 2027 at 09:30",
          done: true,
        },
      },
    });
    expect(cardProblems(card)).toEqual([]);
    const text = readableCardText(card);
    expect(text[0]).toBe("Reminder: 2 updates still needed by 19 March 2027");
    expect(text).toContain("\u2714 Form sent below");
    expect(text).toContain("\u2714 Update sent by Jo Bloggs on 10 March 2027 at 09:30");
    expect(buttons(card).map((b) => b.title)).toEqual(["Update CSC-03", "My actions"]);
  });

  it("says so when every listed update is in", () => {
    const card = buildReminderCard({
      ...base,
      round: "final",
      actions: fifteen.slice(0, 1),
      marks: { [planRefKey("default", "CSC-01")]: { text: "Update sent", done: true } },
    });
    expect(readableCardText(card)[0]).toBe(
      "All your updates for the January to March 2027 review are in",
    );
  });

  it("fits 15 actions well within the size limit", () => {
    const card = buildReminderCard({ ...base, actions: fifteen });
    expect(cardProblems(card)).toEqual([]);
    expect(buttons(card).filter((b) => String(b.title).startsWith("Update "))).toHaveLength(15);
    expect(cardJsonBytes(card)).toBeLessThan(CARD_SIZE_BUDGET_BYTES * 0.6);
  });
});
