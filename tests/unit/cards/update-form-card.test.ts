import { describe, expect, it } from "vitest";
import { CARD_SIZE_BUDGET_BYTES, cardJsonBytes } from "../../../src/cards/card-json.ts";
import { buildUpdateFormCard, type UpdateFormInput } from "../../../src/cards/update-form-card.ts";
import { parseCardAction } from "../../../src/cards/verbs.ts";
import {
  cardProblems,
  cardText,
  findObjects,
  readableCardText,
} from "../../support/validate-card.ts";
import {
  APPROVED,
  inputWithNext,
  makeAction,
  makeUpdate,
  textBlocksWith,
} from "./card-fixtures.ts";

const base: UpdateFormInput = {
  action: makeAction(),
  quarter: "2026-Q3",
  suggestion: { rag: "Red", reason: "due 30 September 2026 has passed: the plan's key says Red" },
  revision: 0,
};

const inputs = (card: unknown) => findObjects(card, (o) => String(o.type).startsWith("Input."));
const input = (card: unknown, id: string) => inputs(card).find((i) => i.id === id);

describe("update form card", () => {
  it("is a valid Adaptive Card 1.5 well under the size limit", () => {
    const card = buildUpdateFormCard(base);
    expect(cardProblems(card)).toEqual([]);
    expect(cardJsonBytes(card)).toBeLessThan(CARD_SIZE_BUDGET_BYTES / 4);
  });

  it("shows the Ref, title, due date and official RAG in colour and word", () => {
    const card = buildUpdateFormCard(base);
    const text = cardText(card).join("\n");
    expect(text).toContain("Update CSC-07 for October to December 2026");
    expect(text).toContain("Regular review of CP cases");
    expect(text).toContain("30 September 2026");
    expect(textBlocksWith(card, "\u25cf Amber")[0]).toMatchObject({ color: "warning" });
  });

  it("says when the action has no date", () => {
    const tbc = makeAction({
      completionDate: { text: "TBC", due: null, tbc: true, milestones: [] },
    });
    expect(readableCardText(buildUpdateFormCard({ ...base, action: tbc }))).toContain(
      "No date (TBC)",
    );
  });

  it("offers Red, Amber and Green, with the suggestion chosen and explained", () => {
    const card = buildUpdateFormCard(base);
    const rag = input(card, "proposedRag");
    expect(rag).toMatchObject({ type: "Input.ChoiceSet", style: "compact", value: "Red" });
    expect(((rag?.choices ?? []) as { title: string }[]).map((c) => c.title)).toEqual([
      "Red",
      "Amber",
      "Green",
    ]);
    const suggestion = textBlocksWith(card, "Suggested: Red")[0];
    expect(suggestion?.text).toBe(
      "Suggested: Red \u2014 due 30 September 2026 has passed: the plan's key says Red",
    );
    expect(suggestion?.color).toBe("attention");
  });

  it("has every input the lead needs, labelled", () => {
    const card = buildUpdateFormCard(base);
    expect(input(card, "progress")).toMatchObject({
      type: "Input.Text",
      isMultiline: true,
      isRequired: true,
      maxLength: 4000,
      label: "Progress this quarter",
    });
    expect(input(card, "progress")?.errorMessage).toBeTruthy();
    expect(input(card, "revisedDate")).toMatchObject({ type: "Input.Date" });
    expect(input(card, "revisedDate")?.isRequired).toBeUndefined();
    expect(input(card, "revisedDateReason")).toMatchObject({ type: "Input.Text" });
    expect(input(card, "evidenceUrl")).toMatchObject({ type: "Input.Text", style: "url" });
    expect(input(card, "proposeCompletion")).toMatchObject({
      type: "Input.Toggle",
      title: "Propose this action for completion sign-off (needs an evidence link)",
      value: "false",
    });
    expect(input(card, "ragJustification")?.label).toBe(
      "If you choose Green while the date has passed, say why",
    );
  });

  it("submits with Action.Execute carrying the Ref, quarter and revision, and every input", () => {
    const card = buildUpdateFormCard({ ...base, revision: 4 });
    expect(card.actions).toEqual([
      expect.objectContaining({
        type: "Action.Execute",
        title: "Submit update",
        verb: "submitUpdate",
        data: { ref: "CSC-07", quarter: "2026-Q3", revision: 4 },
        associatedInputs: "auto",
      }),
    ]);
    // Teams merges inputs into `data`, so an input sharing a data key would overwrite it.
    const ids = inputs(card).map((i) => i.id);
    expect(ids.filter((id) => ["ref", "quarter", "revision"].includes(String(id)))).toEqual([]);
  });

  it("shows last quarter's approved update, or says there was none", () => {
    expect(cardText(buildUpdateFormCard(base))).toContain("No earlier update");
    const last = makeUpdate({
      quarter: "2026-Q2",
      progress: "Guidance *drafted*",
      proposedRag: "Green",
      state: "approved",
      decision: { ...APPROVED, at: "2026-09-29T09:30:00Z" },
    });
    const card = buildUpdateFormCard({ ...base, lastApproved: last });
    const text = cardText(card).join("\n");
    expect(text).toContain("Guidance \\*drafted\\*");
    expect(text).toContain("approved 29 September 2026");
    expect(textBlocksWith(card, "\u25cf Green")[0]).toMatchObject({ color: "good" });
  });

  it("shows each error in red right under its field, sums them up top, and keeps what was typed", () => {
    const card = buildUpdateFormCard({
      ...base,
      draft: {
        progress: "Typed *before* the error",
        proposedRag: "Green",
        revisedDate: "2027-06-30",
        evidenceUrl: "",
        proposeCompletion: true,
      },
      errors: {
        evidenceUrl: "To propose completion, add a link to the evidence.",
        revisedDateReason: "Say why the date moves.",
      },
    });
    expect(cardProblems(card)).toEqual([]);
    const evidence = inputWithNext(card, "evidenceUrl");
    expect(evidence.next).toMatchObject({
      type: "TextBlock",
      text: "To propose completion, add a link to the evidence.",
      color: "attention",
    });
    expect(inputWithNext(card, "revisedDateReason").next).toMatchObject({ color: "attention" });
    expect(textBlocksWith(card, "Please fix 2 things below")[0]?.text).toBe(
      "Please fix 2 things below: Reason for the new date, Evidence link.",
    );
    expect(input(card, "progress")?.value).toBe("Typed *before* the error");
    expect(input(card, "proposedRag")?.value).toBe("Green");
    expect(input(card, "revisedDate")?.value).toBe("2027-06-30");
    expect(input(card, "proposeCompletion")?.value).toBe("true");
  });

  it("puts a submission that failed to parse straight back into the form", () => {
    const result = parseCardAction("submitUpdate", {
      ref: "CSC-07",
      quarter: "2026-Q3",
      revision: 1,
      progress: "All of this must survive",
      proposedRag: "Purple",
    });
    if (!result.ok || result.action.verb !== "submitUpdate") throw new Error("expected a form");
    const { form } = result.action.data;
    if (form.ok) throw new Error("expected a field error");
    const card = buildUpdateFormCard({ ...base, draft: form.typed, errors: form.fieldErrors });
    expect(input(card, "progress")?.value).toBe("All of this must survive");
    expect(input(card, "proposedRag")?.value).toBe("Red"); // the suggestion, not "Purple"
    expect(inputWithNext(card, "proposedRag").next?.text).toBe("Choose Red, Amber or Green.");
  });

  it("shows a Return banner literally", () => {
    const card = buildUpdateFormCard({
      ...base,
      banner: "Returned by Sam Patel on 3 December 2026: please add the [audit] figures",
    });
    expect(cardText(card)).toContain(
      "Returned by Sam Patel on 3 December 2026: please add the \\[audit\\] figures",
    );
  });

  it("refreshes itself for the given users", () => {
    const card = buildUpdateFormCard({ ...base, refreshUserIds: ["29:lead"] });
    expect(card.refresh).toEqual({
      action: expect.objectContaining({
        type: "Action.Execute",
        verb: "refreshUpdate",
        data: { ref: "CSC-07", quarter: "2026-Q3" },
      }),
      userIds: ["29:lead"],
    });
    expect(buildUpdateFormCard(base).refresh).toBeUndefined();
    expect(cardProblems(card)).toEqual([]);
  });

  it("stays under the size budget with the longest progress notes", () => {
    const long = "x".repeat(3990);
    const card = buildUpdateFormCard({
      ...base,
      lastApproved: makeUpdate({ progress: long, decision: APPROVED, state: "approved" }),
      draft: { progress: long, ragJustification: "y".repeat(1000) },
    });
    expect(cardJsonBytes(card)).toBeLessThan(CARD_SIZE_BUDGET_BYTES);
  });
});
