import { z } from "zod";
import { IsoDateSchema } from "../domain/iso-date.ts";
import { DEFAULT_PLAN_ID } from "../domain/plan.ts";
import { QuarterSchema } from "../domain/quarter.ts";
import { QuerySchema } from "../domain/question/query.ts";
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

/**
 * The longest progress note the form accepts (the form's `maxLength`); the optional "difference
 * made" and "what happens next" answers have the same limit.
 */
export const PROGRESS_MAX_LENGTH = 4000;

/** An input left empty arrives absent or as "": both read as "". */
const text = z
  .string()
  .nullish()
  .transform((s) => (s ?? "").trim());
const typedText = z
  .string()
  .nullish()
  .transform((s) => s ?? "");
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

/** What the lead typed into the update form, each value read as the form's own input sends it. */
export const UpdateFormInputsSchema = z.object({
  progress: text,
  /** Optional; left empty (or not sent by an older form) it reads as "". */
  difference: text,
  nextSteps: text,
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
export type UpdateFormInputs = z.infer<typeof UpdateFormInputsSchema>;

/** What to tell someone when their own typing was the problem, per input id. */
const FIELD_PROBLEMS: Record<keyof UpdateFormInputs, string> = {
  proposedRag: "Choose Red, Amber or Green.",
  revisedDate: "Give the revised completion date as a date, for example 31 March 2027.",
  proposeCompletion: "Switch completion sign-off on or off.",
  progress: "Write your progress as text.",
  difference: "Write the difference it has made as text.",
  nextSteps: "Write what happens next as text.",
  revisedDateReason: "Write the reason as text.",
  evidenceUrl: "Give the evidence link as text, for example https://council.sharepoint.com/audit.",
  ragJustification: "Write the reason as text.",
};

/**
 * A form's inputs as read: the values, or (when the person typed something of the wrong kind)
 * what to fix per field and every text they typed, so the form can come back with it kept.
 */
export type FormReading<T> =
  | { ok: true; values: T }
  | {
      ok: false;
      /** Per form field, for showing the form again with the error under the field. */
      fieldErrors: Record<string, string>;
      /** "Please check: …", for a banner. */
      message: string;
      /** Every text value the form sent. */
      typed: Record<string, string>;
    };

function readUpdateForm(read: Record<string, unknown>): FormReading<UpdateFormInputs> {
  // An input the form did not send stays absent (not `undefined`), as it arrived.
  const inputs = Object.fromEntries(Object.entries(read).filter(([, v]) => v !== undefined));
  const result = UpdateFormInputsSchema.safeParse(inputs);
  if (result.success) return { ok: true, values: result.data };
  const fieldErrors: Record<string, string> = {};
  for (const issue of result.error.issues) {
    const field = String(issue.path[0]) as keyof UpdateFormInputs;
    fieldErrors[field] ??= FIELD_PROBLEMS[field];
  }
  const typed = Object.fromEntries(
    Object.entries(inputs).filter(
      (entry): entry is [string, string] => typeof entry[1] === "string",
    ),
  );
  return {
    ok: false,
    fieldErrors,
    message: `Please check: ${Object.values(fieldErrors).join(" ")}`,
    typed,
  };
}

/**
 * Submit on an update form: the card names the action and the revision it was opened at (these
 * must be right, else the button is out of date); the lead's inputs are read for the form to come
 * back with what to fix, never refused as an out-of-date card.
 */
/** An input as the form sent it, or absent when left alone. */
const anyInput = z.unknown().optional();
const SubmitUpdateSchema = z
  .object({
    ...target,
    revision,
    // The inputs are read below, field by field, so one typed wrongly keeps the others.
    progress: anyInput,
    difference: anyInput,
    nextSteps: anyInput,
    proposedRag: anyInput,
    revisedDate: anyInput,
    revisedDateReason: anyInput,
    evidenceUrl: anyInput,
    proposeCompletion: anyInput,
    ragJustification: anyInput,
  })
  .transform(({ ref, quarter, planId, revision, ...inputs }) => ({
    ref,
    quarter,
    planId,
    revision,
    form: readUpdateForm(inputs),
  }));
/** A submission whose inputs read well: the card's target and the lead's values side by side. */
export type SubmitUpdateData = Omit<z.output<typeof SubmitUpdateSchema>, "form"> & UpdateFormInputs;

/**
 * Each verb's data, checked once by the bot's router before any handler sees it; `executeAction`
 * takes the same schema's input type, so a card cannot carry data its handler would refuse.
 */
export const CARD_ACTION_SCHEMAS = {
  submitUpdate: SubmitUpdateSchema,
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
  /**
   * `comment` is the card's own input, kept as typed (absent reads as ""): a Return refused for
   * want of a comment shows the box again with exactly what was in it.
   */
  approveUpdate: z.object({ ...target, revision, comment: typedText }),
  returnUpdate: z.object({ ...target, revision, comment: typedText }),
  refreshSignOff: z.object(target),
  askQuestion: z.object({ text: z.string().trim().min(1) }),
  askInPlan: z.object({
    text: z.string().trim().min(1),
    planId: z.string().trim().min(1),
  }),
  /** The question travels whole in the More button, so page two answers the same question. */
  moreResults: z.object({
    query: QuerySchema,
    page: z.number().int().positive(),
  }),
  showAction: z.object({ ref, planId }),
  myActions: z.object({}),
  startReview: z.object({}),
  help: z.object({}),
} satisfies Record<CardVerb, z.ZodType>;

/** What a handler of `V` is given: the data after its schema read it. */
export type CardActionData<V extends CardVerb> = z.output<(typeof CARD_ACTION_SCHEMAS)[V]>;
/** What a card's `V` button may carry (before Teams merges in the card's inputs). */
export type CardButtonData<V extends CardVerb> = z.input<(typeof CARD_ACTION_SCHEMAS)[V]>;

/** A pressed button, typed by its verb: `switch (action.verb)` narrows `action.data`. */
export type ParsedCardAction = { [V in CardVerb]: { verb: V; data: CardActionData<V> } }[CardVerb];

/**
 * Either the button's verb and data, typed; or the button is out of date: a verb no feature
 * knows any more, or data its verb's schema refuses (an older card, or one edited by hand).
 */
export type CardActionParseResult =
  | { ok: true; action: ParsedCardAction }
  | { ok: false; reason: "unknown_verb" | "invalid_data" };

function isCardVerb(verb: unknown): verb is CardVerb {
  return typeof verb === "string" && Object.hasOwn(CARD_VERBS, verb);
}

/** The one place a button's data is read; the bot's router calls it once per press. */
export function parseCardAction(verb: unknown, data: unknown): CardActionParseResult {
  if (!isCardVerb(verb)) return { ok: false, reason: "unknown_verb" };
  // Teams leaves `data` out when a button carries nothing and no inputs.
  const payload = data ?? {};
  const result = CARD_ACTION_SCHEMAS[verb].safeParse(payload);
  if (!result.success) return { ok: false, reason: "invalid_data" };
  return { ok: true, action: { verb, data: result.data } as ParsedCardAction };
}
