import { type SubmitUpdateData, UpdateFormInputsSchema } from "../../../src/cards/verbs.ts";
import type { Action } from "../../../src/domain/action.ts";
import type { Update } from "../../../src/domain/update.ts";
import { anAction, anUpdate } from "../../support/builders.ts";
import { findObjects } from "../../support/validate-card.ts";

/** A plan action as the store would hold it; override what a test is about. */
export function makeAction(overrides: Partial<Action> = {}): Action {
  return anAction({
    deliveryArea: "Decision-making",
    developmentAction:
      "Regular review of CP cases to determine whether threshold for escalation to pre-proceedings has been met or is being missed.",
    expectedOutcome: "Produce PLO practice guidance for staff.",
    lead: "HoS/ Service Manager",
    completionDate: {
      text: "September 2026",
      due: "2026-09-30",
      tbc: false,
      milestones: ["2026-09-30"],
    },
    actionWeWillTake: "Parallel planning outlined at review conferences.",
    howWillWeKnow: "Thematic audits.",
    progressUpdate: "Regional tool kit for effective PLO is being launched in March.",
    ...overrides,
  });
}

export function makeUpdate(overrides: Partial<Update> = {}): Update {
  return anUpdate({
    // The id stays CSC-07's whatever the overrides, as the cards never read it.
    id: "2026-Q3:CSC-07",
    progress: "Template live since 2 November.",
    proposedRag: "Red",
    author: "jo.bloggs@council.gov.uk",
    authorName: "Jo Bloggs",
    submittedAt: "2026-12-01T16:20:00Z",
    revision: 2,
    ...overrides,
  });
}

export const APPROVED = {
  outcome: "approved" as const,
  by: "sam.patel@council.gov.uk",
  byName: "Sam Patel",
  at: "2026-12-03T10:42:00Z",
  comment: "",
};

export const RETURNED = {
  ...APPROVED,
  outcome: "returned" as const,
  comment: "Please add the audit figures",
};

/** The element with this input id, and the body element straight after it. */
export function inputWithNext(card: unknown, id: string) {
  const body = (card as { body: Record<string, unknown>[] }).body;
  const index = body.findIndex((element) => element.id === id);
  return { input: body[index], next: body[index + 1] };
}

/** Every button (Action.Execute / Action.OpenUrl) anywhere on the card, including row taps. */
export function buttons(card: unknown) {
  return findObjects(card, (o) => typeof o.type === "string" && o.type.startsWith("Action."));
}

/** TextBlocks whose text contains `needle`. */
export function textBlocksWith(card: unknown, needle: string) {
  return findObjects(card, (o) => o.type === "TextBlock" && String(o.text).includes(needle));
}

/** The update form's Submit for CSC-07 in 2026-Q3, read as the form's inputs are: Amber, "Audit done." and `fields`. */
export const submission = (fields: Record<string, unknown>): SubmitUpdateData => ({
  ref: "CSC-07",
  quarter: "2026-Q3",
  planId: "default",
  revision: 0,
  ...UpdateFormInputsSchema.parse({ progress: "Audit done.", proposedRag: "Amber", ...fields }),
});
