import { describe, expect, it } from "vitest";
import { buildUpdateSubmittedCard } from "../../../src/cards/update-submitted-card.ts";
import { cardProblems, readableCardText } from "../../support/validate-card.ts";
import {
  APPROVED,
  buttons,
  makeAction,
  makeUpdate,
  RETURNED,
  textBlocksWith,
} from "./card-fixtures.ts";

const action = makeAction({
  completionDate: { text: "March 2027", due: "2027-03-31", tbc: false, milestones: [] },
});
const sent = makeUpdate({
  progress: "9 of 12 cases *good*",
  proposedRag: "Amber",
  revisedDate: "2027-06-30",
  revisedDateReason: "Second audit cycle",
  evidenceUrl: "https://council.sharepoint.com/audit",
  proposeCompletion: true,
});

describe("update submitted card", () => {
  it("shows what was sent, by whom and when, awaiting sign-off", () => {
    const card = buildUpdateSubmittedCard({ action, update: sent });
    expect(cardProblems(card)).toEqual([]);
    const text = readableCardText(card);
    expect(text).toContain("CSC-07 update for October to December 2026");
    expect(text).toContain("Submitted, awaiting sign-off");
    expect(text).toContain("Sent by Jo Bloggs on 1 December 2026 at 16:20");
    expect(text).toContain("9 of 12 cases *good*");
    expect(text).toContain(
      "Completion date change: 31 March 2027 \u2192 30 June 2027 \u2014 reason: Second audit cycle",
    );
    expect(text).toContain("Proposed for completion sign-off");
    expect(textBlocksWith(card, "\u25cf Amber")[0]).toMatchObject({ color: "warning" });
    expect(text.join("\n")).toContain("[Open the evidence](https://council.sharepoint.com/audit)");
  });

  it("lets the lead edit while DMT has not decided", () => {
    const card = buildUpdateSubmittedCard({ action, update: sent });
    expect(buttons(card)).toEqual([
      expect.objectContaining({
        title: "Edit my update",
        verb: "editUpdate",
        data: { ref: "CSC-07", quarter: "2026-Q3" },
      }),
    ]);
  });

  it("after approval shows the decision and no edit button", () => {
    const card = buildUpdateSubmittedCard({
      action,
      update: makeUpdate({ state: "approved", decision: APPROVED }),
    });
    expect(cardProblems(card)).toEqual([]);
    expect(readableCardText(card)).toContain("Approved by Sam Patel on 3 December 2026 at 10:42");
    expect(buttons(card)).toEqual([]);
  });

  it("after Return shows the comment and offers to revise, not to edit", () => {
    const card = buildUpdateSubmittedCard({
      action,
      update: makeUpdate({ state: "returned", decision: RETURNED }),
    });
    const text = readableCardText(card);
    expect(text).toContain("Returned by Sam Patel on 3 December 2026 at 10:42");
    expect(text).toContain("Comment: Please add the audit figures");
    expect(buttons(card).map((b) => b.title)).toEqual(["Revise my update"]);
  });

  it("refreshes itself like the form", () => {
    const card = buildUpdateSubmittedCard({ action, update: sent, refreshUserIds: ["29:lead"] });
    expect(card.refresh?.action).toMatchObject({
      verb: "refreshUpdate",
      data: { ref: "CSC-07", quarter: "2026-Q3" },
    });
    expect(cardProblems(card)).toEqual([]);
  });
});
