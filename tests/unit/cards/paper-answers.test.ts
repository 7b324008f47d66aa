import { describe, expect, it } from "vitest";
import { buildActionDetailCard } from "../../../src/cards/action-detail-card.ts";
import { buildSignOffCard } from "../../../src/cards/sign-off-card.ts";
import { buildUpdateFormCard, type UpdateFormInput } from "../../../src/cards/update-form-card.ts";
import { PAPER_ANSWERS_ID } from "../../../src/cards/update-form-fields.ts";
import { checkSubmission } from "../../../src/review/update-validation.ts";
import { cardProblems, findObjects, readableCardText } from "../../support/validate-card.ts";
import { APPROVED, makeAction, makeUpdate, submission } from "./card-fixtures.ts";

// The update form's two optional questions for the board paper, and where their answers show.

const base: UpdateFormInput = {
  action: makeAction(),
  quarter: "2026-Q3",
  suggestion: null,
  revision: 0,
};
const DIFFERENCE = "What difference has this made for children and families? (optional)";
const NEXT = "What happens next? (optional)";

const byId = (card: unknown, id: string) => findObjects(card, (o) => o.id === id)[0];
const folded = (card: unknown) => byId(card, PAPER_ANSWERS_ID);

describe("the update form's board paper questions", () => {
  it("are folded away behind one button, and the card stays valid Adaptive Cards 1.5", () => {
    const card = buildUpdateFormCard(base);
    expect(cardProblems(card)).toEqual([]);
    expect(folded(card)).toMatchObject({ type: "Container", isVisible: false });
    expect(byId(folded(card), "difference")).toMatchObject({
      type: "Input.Text",
      label: DIFFERENCE,
      isMultiline: true,
      maxLength: 4000,
    });
    expect(byId(folded(card), "nextSteps")).toMatchObject({ label: NEXT, maxLength: 4000 });
    // Optional: a lead in a hurry can send the form without opening them.
    expect(byId(card, "difference")?.isRequired).toBeUndefined();
    const toggles = findObjects(card, (o) => o.type === "Action.ToggleVisibility");
    expect(toggles).toEqual([expect.objectContaining({ targetElements: [PAPER_ANSWERS_ID] })]);
  });

  it("sit after progress and the rating, before the date", () => {
    const ids = findObjects(buildUpdateFormCard(base), (o) => typeof o.id === "string").map(
      (o) => o.id,
    );
    expect(ids.indexOf("proposedRag")).toBeLessThan(ids.indexOf(PAPER_ANSWERS_ID));
    expect(ids.indexOf("nextSteps")).toBeLessThan(ids.indexOf("revisedDate"));
  });

  it("open by themselves with the answers kept when editing, or when one needs fixing", () => {
    const edited = buildUpdateFormCard({
      ...base,
      draft: { progress: "Audit done.", difference: "Fewer repeat referrals." },
    });
    expect(cardProblems(edited)).toEqual([]);
    expect(folded(edited)?.isVisible).toBe(true);
    expect(byId(edited, "difference")?.value).toBe("Fewer repeat referrals.");

    const fix = buildUpdateFormCard({ ...base, errors: { nextSteps: "Please shorten this." } });
    expect(folded(fix)?.isVisible).toBe(true);
    expect(readableCardText(fix).join("\n")).toContain("What happens next");
  });

  it("show last quarter's answers under the last approved update", () => {
    const lastApproved = makeUpdate({
      ...APPROVED,
      difference: "Children seen within 10 days.",
      nextSteps: "Second audit in March.",
    });
    const text = readableCardText(buildUpdateFormCard({ ...base, lastApproved })).join("\n");
    expect(text).toContain("Children seen within 10 days.");
    expect(text).toContain("Second audit in March.");
  });
});

describe("the sign-off card", () => {
  const action = makeAction();

  it("shows both answers under their questions, typed text shown as typed", () => {
    const update = makeUpdate({ difference: "9/12 *families* said", nextSteps: "Audit in March" });
    const card = buildSignOffCard({ action, update, historyUrl: "https://teams.microsoft.com" });
    expect(cardProblems(card)).toEqual([]);
    const text = readableCardText(card).join("\n");
    expect(text).toContain(
      "What difference has this made for children and families?\n9/12 *families* said",
    );
    expect(text).toContain("What happens next?\nAudit in March");
  });

  it("shows neither question for an update without answers (one sent before the form asked)", () => {
    const card = buildSignOffCard({ action, update: makeUpdate(), historyUrl: "https://x.test" });
    expect(readableCardText(card).join("\n")).not.toContain("What difference");
  });
});

describe("an action's card in chat", () => {
  it("shows the latest update's answers under its progress", () => {
    const latest = makeUpdate({ progress: "Audit done.", nextSteps: "Share it with partners." });
    const card = buildActionDetailCard({ action: makeAction(), updates: [latest] });
    expect(cardProblems(card)).toEqual([]);
    const text = readableCardText(card);
    expect(text.slice(text.indexOf("Audit done."))).toEqual(
      expect.arrayContaining(["What happens next?", "Share it with partners."]),
    );
    expect(text).not.toContain("What difference has this made for children and families?");
  });
});

describe("checking the answers", () => {
  const onTime = makeAction({
    completionDate: { text: "March 2027", due: "2027-03-31", tbc: false, milestones: [] },
  });

  it("refuses an answer over 4,000 characters, as progress is, saying how long it is", () => {
    const result = checkSubmission(
      submission({ difference: "x".repeat(4001), nextSteps: "y".repeat(4002) }),
      onTime,
      "2026-12-10",
    );
    expect(result).toEqual({
      ok: false,
      errors: {
        difference: "Please shorten this to 4,000 characters (it is 4,001).",
        nextSteps: "Please shorten this to 4,000 characters (it is 4,002).",
      },
    });
  });

  it("accepts 4,000 characters once the spaces round them are trimmed", () => {
    const padded = `  ${"x".repeat(4000)}  `;
    expect(checkSubmission(submission({ difference: padded }), onTime, "2026-12-10")).toMatchObject(
      { ok: true, value: { difference: "x".repeat(4000), nextSteps: "" } },
    );
  });
});
