import { describe, expect, it } from "vitest";
import { CARD_SIZE_BUDGET_BYTES, cardJsonBytes } from "../../../src/cards/card-json.ts";
import { buildSignOffCard } from "../../../src/cards/sign-off-card.ts";
import {
  cardProblems,
  cardText,
  findObjects,
  readableCardText,
} from "../../support/validate-card.ts";
import {
  APPROVED,
  buttons,
  inputWithNext,
  makeAction,
  makeUpdate,
  RETURNED,
  textBlocksWith,
} from "./card-fixtures.ts";

const action = makeAction({
  completionDate: { text: "March 2027", due: "2027-03-31", tbc: false, milestones: [] },
});
const update = makeUpdate({
  progress: "Audit: 9/12 _good_ - see [notes]",
  previousRag: "Amber",
  proposedRag: "Red",
  revisedDate: "2027-06-30",
  revisedDateReason: "Staff vacancies",
  evidenceUrl: "https://council.sharepoint.com/PLO-audit-(Nov).docx",
  proposeCompletion: false,
  revision: 3,
});
const historyUrl = "https://teams.microsoft.com/l/entity/app/dashboard?context=%7B%7D";

describe("sign-off card", () => {
  it("is a valid card under the size limit", () => {
    const card = buildSignOffCard({ action, update, historyUrl });
    expect(cardProblems(card)).toEqual([]);
    expect(cardJsonBytes(card)).toBeLessThan(CARD_SIZE_BUDGET_BYTES / 4);
  });

  it("shows the Ref, action, lead and previous \u2192 proposed RAG in colour and word", () => {
    const card = buildSignOffCard({ action, update, historyUrl });
    const text = readableCardText(card);
    expect(text).toContain("Sign-off: CSC-07 for October to December 2026");
    expect(text.join("\n")).toContain("Regular review of CP cases");
    expect(text).toContain("HoS/ Service Manager");
    const [previous, proposed] = findObjects(
      card,
      (o) => o.type === "ColumnSet" && JSON.stringify(o).includes("\u2192"),
    ).flatMap((row) =>
      findObjects(row, (o) => o.type === "TextBlock" && String(o.text).startsWith("\u25cf")),
    );
    expect(previous).toMatchObject({ text: "\u25cf Amber", color: "warning" });
    expect(proposed).toMatchObject({ text: "\u25cf Red", color: "attention" });
  });

  it("shows the progress literally and the date change on its own line", () => {
    const card = buildSignOffCard({ action, update, historyUrl });
    expect(cardText(card)).toContain("Audit: 9/12 \\_good\\_ - see \\[notes\\]");
    expect(readableCardText(card)).toContain(
      "Completion date change: 31 March 2027 \u2192 30 June 2027 \u2014 reason: Staff vacancies",
    );
    expect(readableCardText(card)).toContain("Not proposed");
  });

  it("links the evidence and the action's history safely", () => {
    const text = cardText(buildSignOffCard({ action, update, historyUrl })).join("\n");
    expect(text).toContain(
      "[Open the evidence](https://council.sharepoint.com/PLO-audit-%28Nov%29.docx)",
    );
    expect(text).toContain(`[See CSC-07's history in Plan Tracker](${historyUrl})`);
    const notALink = buildSignOffCard({
      action,
      update: makeUpdate({ evidenceUrl: "javascript:alert(1)" }),
    });
    expect(cardText(notALink).join("\n")).not.toContain("](javascript");
  });

  it("has Approve and Return buttons carrying the revision, with the comment box", () => {
    const card = buildSignOffCard({ action, update });
    expect(buttons(card)).toEqual([
      expect.objectContaining({
        title: "Approve",
        verb: "approveUpdate",
        data: { ref: "CSC-07", quarter: "2026-Q3", revision: 3 },
      }),
      expect.objectContaining({
        title: "Return",
        verb: "returnUpdate",
        data: { ref: "CSC-07", quarter: "2026-Q3", revision: 3 },
      }),
    ]);
    expect(inputWithNext(card, "comment").input).toMatchObject({ type: "Input.Text" });
  });

  it("asks for a comment under the box when Return was pressed without one, keeping typed text", () => {
    const card = buildSignOffCard({
      action,
      update,
      draftComment: "half a thought",
      errors: { comment: "To return an update, say what the lead should change." },
    });
    expect(cardProblems(card)).toEqual([]);
    const { input, next } = inputWithNext(card, "comment");
    expect(input?.value).toBe("half a thought");
    expect(next).toMatchObject({
      text: "To return an update, say what the lead should change.",
      color: "attention",
    });
  });

  it("once decided shows who decided and when, with no buttons or inputs", () => {
    const approved = buildSignOffCard({
      action,
      update: makeUpdate({ state: "approved", decision: APPROVED }),
    });
    expect(cardProblems(approved)).toEqual([]);
    expect(readableCardText(approved)).toContain(
      "Approved by Sam Patel on 3 December 2026 at 10:42",
    );
    expect(buttons(approved)).toEqual([]);
    expect(findObjects(approved, (o) => String(o.type).startsWith("Input."))).toEqual([]);

    const returned = buildSignOffCard({
      action,
      update: makeUpdate({ state: "returned", decision: RETURNED }),
      note: "Sam Patel decided this before you; nothing was changed.",
    });
    const text = readableCardText(returned);
    expect(text).toContain("Returned by Sam Patel on 3 December 2026 at 10:42");
    expect(text).toContain("Comment: Please add the audit figures");
    expect(text).toContain("Sam Patel decided this before you; nothing was changed.");
    expect(textBlocksWith(returned, "Returned by")[0]).toMatchObject({ color: "attention" });
  });

  it("refreshes every DMT member's copy with refreshSignOff", () => {
    const card = buildSignOffCard({ action, update, refreshUserIds: ["29:a", "29:b"] });
    expect(card.refresh).toMatchObject({
      action: { verb: "refreshSignOff", data: { ref: "CSC-07", quarter: "2026-Q3" } },
      userIds: ["29:a", "29:b"],
    });
  });
});
