import { describe, expect, it } from "vitest";
import { CARD_VERBS, parseCardAction } from "../../../src/cards/verbs.ts";
import { emptyQuery } from "../../../src/domain/question/query.ts";

const target = { ref: "CSC-07", quarter: "2026-Q3" };
/** A card without a plan is the first plan's: cards already in Teams keep working. */
const read = { ...target, planId: "default" };

function parsed(verb: string, data: unknown) {
  const result = parseCardAction(verb, data);
  if (!result.ok) throw new Error(`expected ${verb} to parse: ${result.reason}`);
  return result.action;
}

function failed(verb: unknown, data: unknown) {
  const result = parseCardAction(verb, data);
  if (result.ok) throw new Error(`expected ${String(verb)} to fail`);
  return result;
}

/** The form's inputs of a parsed Submit. */
function formOf(data: unknown) {
  const action = parsed("submitUpdate", data);
  if (action.verb !== "submitUpdate") throw new Error("expected a Submit");
  return action.data.form;
}

describe("parseCardAction: submitUpdate", () => {
  it("reads a filled-in form as typed values", () => {
    const action = parsed("submitUpdate", {
      ...target,
      revision: 2,
      progress: "  Audit done. \n",
      proposedRag: "Green",
      revisedDate: "2027-03-31",
      revisedDateReason: "Second audit cycle",
      evidenceUrl: "https://council.sharepoint.com/audit",
      proposeCompletion: "true",
      ragJustification: "Finished early",
    });
    expect(action).toEqual({
      verb: "submitUpdate",
      data: {
        ...read,
        revision: 2,
        form: {
          ok: true,
          values: {
            progress: "Audit done.",
            proposedRag: "Green",
            revisedDate: "2027-03-31",
            revisedDateReason: "Second audit cycle",
            evidenceUrl: "https://council.sharepoint.com/audit",
            proposeCompletion: true,
            ragJustification: "Finished early",
            // A form sent before it asked the board paper's questions reads them as left empty.
            difference: "",
            nextSteps: "",
          },
        },
      },
    });
  });

  it("reads the board paper's optional answers trimmed, as progress is", () => {
    const form = formOf({
      ...target,
      revision: 0,
      progress: "Audit done.",
      proposedRag: "Amber",
      difference: "  Children seen within 10 days.\n",
      nextSteps: " Second audit in March. ",
    });
    expect(form).toMatchObject({
      ok: true,
      values: { difference: "Children seen within 10 days.", nextSteps: "Second audit in March." },
    });
  });

  it("reads fields left empty, whether absent or blank", () => {
    const absent = formOf({ ...target, revision: 0 });
    const blank = formOf({
      ...target,
      revision: 0,
      progress: "",
      proposedRag: "",
      revisedDate: "",
      evidenceUrl: "",
      proposeCompletion: "false",
    });
    for (const form of [absent, blank]) {
      expect(form).toMatchObject({ ok: true });
      expect(form.ok && form.values).toMatchObject({
        progress: "",
        proposedRag: null,
        revisedDate: null,
        evidenceUrl: "",
        proposeCompletion: false,
        ragJustification: "",
      });
    }
  });

  it("names the field and keeps the typed text when a form value is the wrong kind", () => {
    const result = formOf({
      ...target,
      revision: 1,
      progress: "Kept text",
      proposedRag: "Purple",
      revisedDate: "31/03/2027",
    });
    if (result.ok) throw new Error("expected field errors");
    expect(result.fieldErrors.proposedRag).toBe("Choose Red, Amber or Green.");
    expect(result.fieldErrors.revisedDate).toMatch(/as a date, for example 31 March 2027/);
    expect(result.message).toMatch(/^Please check: Choose Red, Amber or Green\./);
    expect(result.typed.progress).toBe("Kept text");
  });

  it("is strict about types the card itself set: a revision must be a number", () => {
    expect(failed("submitUpdate", { ...target, revision: "2" }).reason).toBe("invalid_data");
  });

  it("calls a Submit that lost its Ref out of date", () => {
    expect(failed("submitUpdate", { quarter: "2026-Q3", revision: 1 }).reason).toBe("invalid_data");
  });

  it("never carries who pressed the button, whatever the payload claims", () => {
    const action = parsed("approveUpdate", {
      ...target,
      revision: 3,
      author: "someone@else.gov.uk",
      byName: "Mallory",
    });
    expect(action.data).toEqual({ ...read, revision: 3, comment: "" });
  });
});

describe("parseCardAction: other verbs", () => {
  it("reads a Return with its comment as typed, and without one (the server asks for it)", () => {
    expect(
      parsed("returnUpdate", { ...target, revision: 3, comment: " Add figures " }).data,
    ).toEqual({
      ...read,
      revision: 3,
      comment: " Add figures ",
    });
    expect(parsed("returnUpdate", { ...target, revision: 3 }).data).toMatchObject({ comment: "" });
  });

  it("reads the question a More button carries, and refuses one that isn't a question", () => {
    const query = { ...emptyQuery(), rags: ["Red" as const], priorities: [3] };
    expect(parsed("moreResults", { query, page: 2 })).toEqual({
      verb: "moreResults",
      data: { query, page: 2 },
    });
    expect(failed("moreResults", { query, page: 0 }).ok).toBe(false);
    expect(failed("moreResults", { query: { rags: "all" }, page: 2 }).reason).toBe("invalid_data");
  });

  it("calls a More button that lost its query out of date", () => {
    expect(failed("moreResults", { page: 2 }).reason).toBe("invalid_data");
  });

  it("gives each verb its own typed data", () => {
    const action = parsed("moreResults", { query: emptyQuery(), page: 3 });
    // The switch narrows `data` by verb: a type error here would fail the type check.
    const page = action.verb === "moreResults" ? action.data.page : 0;
    expect(page).toBe(3);
  });

  it("needs words to ask a question", () => {
    expect(parsed("askQuestion", { text: " summary " }).data).toEqual({ text: "summary" });
    expect(failed("askQuestion", { text: "  " }).reason).toBe("invalid_data");
  });

  it("reads verbs without data, even when Teams sends none", () => {
    for (const verb of ["myActions", "startReview", "help"]) {
      expect(parsed(verb, undefined)).toEqual({ verb, data: {} });
    }
    expect(parsed("showAction", { ref: "CSC-07" }).data).toEqual({
      ref: "CSC-07",
      planId: "default",
    });
    expect(parsed("refreshSignOff", target).data).toEqual(read);
    expect(parsed("editUpdate", target).data).toEqual(read);
    expect(parsed("refreshUpdate", target).data).toEqual(read);
  });

  it("keeps the plan a card names, so Ref 1.1 of two plans are told apart", () => {
    const ofPlan = { ...target, planId: "send-plan" };
    for (const verb of ["refreshSignOff", "editUpdate", "refreshUpdate"])
      expect(parsed(verb, ofPlan).data).toEqual(ofPlan);
    expect(parsed("approveUpdate", { ...ofPlan, revision: 1 }).data).toMatchObject(ofPlan);
    expect(parsed("submitUpdate", { ...ofPlan, revision: 0 }).data).toMatchObject(ofPlan);
    expect(failed("editUpdate", { ...target, planId: " " }).ok).toBe(false);
  });

  it("tells a reminder list's Update button from the submitted card's Edit", () => {
    const fromList = { ...target, from: "list", round: "chase" };
    expect(parsed("editUpdate", fromList).data).toEqual({ ...fromList, planId: "default" });
    expect(parsed("editUpdate", target).data).not.toHaveProperty("from");
    expect(failed("editUpdate", { ...target, from: "somewhere" }).reason).toBe("invalid_data");
    expect(failed("editUpdate", { ...target, from: "list", round: "later" }).ok).toBe(false);
  });

  it("tells an unknown verb from a known one", () => {
    expect(failed("deleteEverything", {}).reason).toBe("unknown_verb");
    expect(failed(undefined, {}).ok).toBe(false);
  });

  it("recognises every verb the cards use", () => {
    for (const verb of Object.values(CARD_VERBS)) {
      const result = parseCardAction(verb, {});
      expect(result.ok ? "" : result.reason).not.toBe("unknown_verb");
    }
  });
});
