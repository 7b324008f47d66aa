import { z } from "zod";
import { IsoDateSchema } from "../domain/iso-date.ts";
import { DEFAULT_PLAN_ID } from "../domain/plan.ts";
import { QuarterSchema } from "../domain/quarter.ts";
import { RagSchema } from "../domain/rag.ts";
import { REVIEW_ROUNDS } from "../domain/review.ts";

/**
 * The verbs of every card button (Universal Actions `Action.Execute`). Teams sends a pressed button
 * to the bot as an `adaptiveCard/action` invoke whose `action.data` is the button's `data` merged
 * with the card's inputs. Nothing here says who pressed it: the bot works that out from Teams.
 */
export const CARD_VERBS = {
  submitUpdate: "submitUpdate",
  refreshUpdate: "refreshUpdate",
  /** Open the update form for one action and quarter: blank, or filled with what was sent. */
  editUpdate: "editUpdate",
  approveUpdate: "approveUpdate",
  returnUpdate: "returnUpdate",
  refreshSignOff: "refreshSignOff",
  askQuestion: "askQuestion",
  /** A question that could mean several plans, asked again of the one the person picked. */
  askInPlan: "askInPlan",
  moreResults: "moreResults",
  showAction: "showAction",
  myActions: "myActions",
  startReview: "startReview",
  help: "help",
} as const;
export type CardVerb = keyof typeof CARD_VERBS;

/** The longest progress note the form accepts (the form's `maxLength`). */
export const PROGRESS_MAX_LENGTH = 4000;

/** An input left empty arrives absent or as "": both read as "". */
const text = z.preprocess((v) => (v == null ? "" : v), z.string()).transform((s) => s.trim());
const blankToNull = (v: unknown) =>
  v == null || (typeof v === "string" && v.trim() === "") ? null : v;
const ref = z.string().trim().min(1);
const revision = z.number().int().nonnegative();
/**
 * Cards already in Teams carry no plan: they are the first plan's, as everything was before a
 * store could hold several plans.
 */
const planId = z.string().trim().min(1).default(DEFAULT_PLAN_ID);
const target = { ref, quarter: QuarterSchema, planId };

/**
 * What a card button carries to name one action's update. The plan goes in only for plans other
 * than the first, so a store with one plan sends exactly the cards it always did.
 */
export function cardTarget(
  action: { ref: string; planId: string },
  quarter: string,
): { ref: string; quarter: string; planId?: string } {
  return action.planId === DEFAULT_PLAN_ID
    ? { ref: action.ref, quarter }
    : { ref: action.ref, quarter, planId: action.planId };
}

export const SubmitUpdateDataSchema = z.object({
  ...target,
  revision,
  progress: text,
  proposedRag: z.preprocess(blankToNull, RagSchema.nullable()),
  revisedDate: z.preprocess(
    (v) => (typeof v === "string" ? blankToNull(v.trim()) : blankToNull(v)),
    IsoDateSchema.nullable(),
  ),
  revisedDateReason: text,
  evidenceUrl: text,
  /** Input.Toggle sends "true"/"false"; left alone it may be absent. */
  proposeCompletion: z.preprocess(
    (v) => (v == null || v === "" ? false : v === "true" ? true : v === "false" ? false : v),
    z.boolean(),
  ),
  ragJustification: text,
});
export type SubmitUpdateData = z.infer<typeof SubmitUpdateDataSchema>;

/** The plan a card's payload names, read leniently (a form with a bad field still names its plan). */
export function cardPlanId(data: Record<string, unknown>): string {
  const parsed = planId.safeParse(data.planId);
  return parsed.success ? parsed.data : DEFAULT_PLAN_ID;
}

export const CARD_ACTION_SCHEMAS = {
  submitUpdate: SubmitUpdateDataSchema,
  refreshUpdate: z.object(target),
  /**
   * `from: "list"` marks a reminder list's "Update CSC-07" button: the form then comes as a new
   * message and the list stays, redrawn for `round`. Without it (the submitted card's Edit) the
   * form replaces the pressed card.
   */
  editUpdate: z.object({
    ...target,
    from: z.literal("list").optional(),
    round: z.enum(REVIEW_ROUNDS).optional(),
  }),
  approveUpdate: z.object({ ...target, revision, comment: text }),
  returnUpdate: z.object({ ...target, revision, comment: text }),
  refreshSignOff: z.object(target),
  askQuestion: z.object({ text: text.pipe(z.string().min(1)) }),
  askInPlan: z.object({
    text: text.pipe(z.string().min(1)),
    planId: z.string().trim().min(1),
  }),
  moreResults: z.object({
    query: z.unknown().refine((q) => q !== undefined),
    page: z.number().int().positive(),
  }),
  showAction: z.object({ ref, planId }),
  myActions: z.object({}),
  startReview: z.object({}),
  help: z.object({}),
} satisfies Record<CardVerb, z.ZodType>;

export type CardActionData<V extends CardVerb> = z.infer<(typeof CARD_ACTION_SCHEMAS)[V]>;

/** A pressed button, typed by its verb: `switch (action.verb)` narrows `action.data`. */
export type ParsedCardAction = { [V in CardVerb]: { verb: V; data: CardActionData<V> } }[CardVerb];

export type CardActionParseResult =
  | { ok: true; action: ParsedCardAction }
  | {
      ok: false;
      /** Written for the person who pressed the button. */
      message: string;
      /** Per form field, for showing the form again with the error under the field. */
      fieldErrors: Record<string, string>;
      /** Every text value the payload carried, so a form shown again keeps what was typed. */
      typed: Record<string, string>;
    };

/** What to tell someone when their own typing was the problem, per input id. */
const FIELD_PROBLEMS: Record<string, string> = {
  proposedRag: "Choose Red, Amber or Green.",
  revisedDate: "Give the revised completion date as a date, for example 31 March 2027.",
  proposeCompletion: "Switch completion sign-off on or off.",
  progress: "Write your progress as text.",
  revisedDateReason: "Write the reason as text.",
  evidenceUrl: "Give the evidence link as text, for example https://council.sharepoint.com/audit.",
  ragJustification: "Write the reason as text.",
  comment: "Write the comment as text.",
  text: "Type a question, for example \u201cwhat's red for priority 3\u201d.",
};

const FRESH_CARD_HINT =
  "This button's card is missing some details, perhaps because it is from an older message. " +
  "Type \u201chelp\u201d to see what you can do, or \u201cmy actions\u201d for fresh update forms.";

function isCardVerb(verb: unknown): verb is CardVerb {
  return typeof verb === "string" && Object.hasOwn(CARD_VERBS, verb);
}

export function parseCardAction(verb: unknown, data: unknown): CardActionParseResult {
  const payload = data !== null && typeof data === "object" && !Array.isArray(data) ? data : {};
  const typed = Object.fromEntries(
    Object.entries(payload).filter(
      (entry): entry is [string, string] => typeof entry[1] === "string",
    ),
  );
  if (!isCardVerb(verb)) {
    return {
      ok: false,
      message:
        "I don't recognise that button; it may be from an older card. Type \u201chelp\u201d to see what you can do.",
      fieldErrors: {},
      typed,
    };
  }
  const result = CARD_ACTION_SCHEMAS[verb].safeParse(payload);
  if (result.success) {
    return { ok: true, action: { verb, data: result.data } as ParsedCardAction };
  }
  const fieldErrors: Record<string, string> = {};
  let cardProblem = false;
  for (const issue of result.error.issues) {
    const field = String(issue.path[0] ?? "");
    const problem = FIELD_PROBLEMS[field];
    if (problem) fieldErrors[field] ??= problem;
    else cardProblem = true;
  }
  const message = cardProblem
    ? FRESH_CARD_HINT
    : `Please check: ${Object.values(fieldErrors).join(" ")}`;
  return { ok: false, message, fieldErrors, typed };
}
