import { z } from "zod";
import { IsoDateSchema } from "../iso-date.ts";
import { QuarterSchema } from "../quarter.ts";
import { RagSchema } from "../rag.ts";

/**
 * What a question asks for, as plain data: it travels in a card's "more" button, so it is JSON and
 * re-checked with `QuerySchema` when it comes back. Within one kind of filter the choices are
 * alternatives ("red and amber" = either); different kinds must all hold ("red for HoS").
 * Dates are resolved when the question is read, so page two answers the same question as page one.
 */

/** A RAG rating, or "none" for an action that has not been rated. */
export const RagChoiceSchema = z.union([RagSchema, z.literal("none")]);
export type RagChoice = z.infer<typeof RagChoiceSchema>;

/** `exact`: the whole Lead cell ("HoS / Service Manager"); `part`: a role within it ("HoS"). */
export const LeadFilterSchema = z.object({
  match: z.enum(["exact", "part"]),
  value: z.string().min(1),
});
export type LeadFilter = z.infer<typeof LeadFilterSchema>;

export const DUE_PERIODS = [
  "this quarter",
  "next quarter",
  "this month",
  "next month",
  "quarter",
  "month",
  "day",
] as const;

export const DateFilterSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("overdue") }),
  z.object({ kind: z.literal("noDate") }),
  z.object({
    kind: z.literal("dueBetween"),
    from: IsoDateSchema,
    to: IsoDateSchema,
    period: z.enum(DUE_PERIODS),
  }),
  z.object({ kind: z.literal("dueBy"), date: IsoDateSchema }),
  z.object({ kind: z.literal("dueAfter"), date: IsoDateSchema }),
]);
export type DateFilter = z.infer<typeof DateFilterSchema>;

export const ReviewFilterSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("awaitingSignOff") }),
  z.object({ kind: z.literal("returned") }),
  z.object({ kind: z.literal("approved") }),
  z.object({ kind: z.literal("notUpdated") }),
  z.object({ kind: z.literal("updated") }),
  z.object({ kind: z.literal("updatedSince"), date: IsoDateSchema }),
  z.object({ kind: z.literal("changedRag") }),
  /** The approved RAG moved towards Red (or towards Green) since last quarter's. */
  z.object({ kind: z.literal("worse") }),
  z.object({ kind: z.literal("better") }),
]);
export type ReviewFilter = z.infer<typeof ReviewFilterSchema>;

/** The kinds of filter "or" may join across ("red or overdue"): each is a state of the action. */
export const EITHER_KINDS = ["rags", "dates", "review", "completion"] as const;
export type EitherKind = (typeof EITHER_KINDS)[number];

export const QuerySchema = z.object({
  rags: z.array(RagChoiceSchema),
  priorities: z.array(z.number().int().positive()),
  leads: z.array(LeadFilterSchema),
  /** The asker's own actions: the evaluator is given the asker's Lead values. */
  mine: z.boolean(),
  dates: z.array(DateFilterSchema),
  review: z.array(ReviewFilterSchema),
  /** "complete" = complete or signed off; "open" = neither. */
  completion: z.array(z.enum(["complete", "open"])),
  sections: z.array(z.string()),
  deliveryAreas: z.array(z.string()),
  /** Phrases every one of whose words must appear in the action's title, outcome or area. */
  text: z.array(z.string()),
  refs: z.array(z.string()),
  /**
   * The plans asked about, by id, when the store holds several and the question named one; absent
   * otherwise (every plan), so a one-plan store's questions and buttons are as they always were.
   */
  plans: z.array(z.string()).optional(),
  /**
   * "what was red last quarter": RAGs are judged as DMT had approved them by the end of this
   * quarter, from the stored updates, instead of as they stand now.
   */
  asAt: QuarterSchema.optional(),
  /** "how many": the answer leads with counts. */
  count: z.boolean(),
  /** Phrases whose words must appear together, in order, in the action's text ("childrens homes"). */
  phrases: z.array(z.string()).optional(),
  /**
   * "red or overdue": these kinds of filter are alternatives to each other (an action need meet
   * only one of them) instead of all having to hold. Only a state of the action joins this way: a
   * RAG, a date, a review state, complete or not. Absent when every kind must hold.
   */
  either: z.array(z.enum(EITHER_KINDS)).optional(),
});
export type Query = z.infer<typeof QuerySchema>;

export function emptyQuery(): Query {
  return {
    rags: [],
    priorities: [],
    leads: [],
    mine: false,
    dates: [],
    review: [],
    completion: [],
    sections: [],
    deliveryAreas: [],
    text: [],
    refs: [],
    count: false,
  };
}

/** "SEND" read as "Priority 5: Children who become vulnerable … SEND". */
export type NameRead = { typed: string; readAs: string };

/** The names a shared part may mean; `name` is each one's whole name, to ask again with. */
export type NameChoice = { typed: string; options: { label: string; name: string }[] };

/** A word the parser read as another: shown so the person can see "priorty" was taken as "priority". */
export type Correction = { typed: string; readAs: string };

export type ParsedQuestion =
  | {
      kind: "query";
      query: Query;
      /** The parts of the message that were used, as typed (after spelling correction). */
      understood: string[];
      corrections: Correction[];
      /** Words that meant nothing to the parser and were left out; the answer should say so. */
      ignored: string[];
      /**
       * The plans the question may mean when its plan words fit several equally ("the improvement
       * plan", "the SEND plan or the early help plan"): the person is asked which, not answered for all.
       */
      choosePlans?: string[];
      /** Names read from a part of them ("SEND" as priority 5), said in the answer. */
      namesRead?: NameRead[];
      /** A part several names share: the person is asked which name they meant. */
      chooseName?: NameChoice;
      /**
       * The question with its one-word name parts read as words of a phrase beside them
       * ("childrens homes" as text, not "homes" as Missing from Home): answered instead when the
       * names leave nothing and the phrase finds something.
       */
      asText?: { query: Query; phrase: string };
    }
  | { kind: "missingRef"; ref: string }
  | { kind: "ref"; ref: string; plans?: string[] }
  | { kind: "summary"; priorities: number[] }
  | { kind: "unknown"; reason: string };
