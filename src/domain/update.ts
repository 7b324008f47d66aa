import { z } from "zod";
import { storableId } from "./document-id.ts";
import { IsoDateSchema } from "./iso-date.ts";
import { DEFAULT_PLAN_ID } from "./plan.ts";
import { planRefKey, quarterOfPlan } from "./plan-ref.ts";
import { QuarterSchema } from "./quarter.ts";
import { RagSchema } from "./rag.ts";

export const UPDATE_STATES = ["submitted", "approved", "returned"] as const;
export const UpdateStateSchema = z.enum(UPDATE_STATES);
export type UpdateState = z.infer<typeof UpdateStateSchema>;

export const DecisionSchema = z.object({
  outcome: z.enum(["approved", "returned"]),
  by: z.string(),
  byName: z.string(),
  at: z.string(),
  comment: z.string(),
});
export type Decision = z.infer<typeof DecisionSchema>;

/**
 * A lead's quarterly update on one action. One document per action per quarter
 * (see `updateId`); edits before a decision bump `revision`.
 */
export const UpdateSchema = z.object({
  id: z.string(),
  quarter: QuarterSchema,
  ref: z.string(),
  /**
   * The plan of the action. Updates stored before a store could hold several plans have none: they
   * are the first plan's (see `updatePlanId`).
   */
  planId: z.string().min(1).optional(),
  progress: z.string(),
  /**
   * The form's two optional answers for the board paper: "What difference has this made for
   * children and families?" and "What happens next?". Absent when left empty, and on updates
   * stored before the form asked.
   */
  difference: z.string().optional(),
  nextSteps: z.string().optional(),
  proposedRag: RagSchema,
  /** Why Green was proposed when the plan's key suggests otherwise. */
  ragJustification: z.string(),
  revisedDate: IsoDateSchema.nullable(),
  revisedDateReason: z.string(),
  evidenceUrl: z.string(),
  proposeCompletion: z.boolean(),
  author: z.string(),
  authorName: z.string(),
  state: UpdateStateSchema,
  submittedAt: z.string(),
  revision: z.number().int().nonnegative(),
  /** The official RAG when the update was submitted, so sign-off shows "previous → proposed". */
  previousRag: RagSchema.nullable(),
  decision: DecisionSchema.nullable(),
});
export type Update = z.infer<typeof UpdateSchema>;

/** The plan an update's action belongs to. */
export const updatePlanId = (update: Pick<Update, "planId">): string =>
  update.planId ?? DEFAULT_PLAN_ID;

/**
 * The Ref goes through `storableId`, so a Ref such as "1/2a" gives an id the store accepts. The
 * first plan's updates keep the ids they always had (`2026-Q3:1.1`); another plan's carry its id
 * (`2026-Q3~send-plan:1.1`), so two plans' updates on Ref 1.1 in one quarter are two documents.
 */
export const updateId = (quarter: string, ref: string, planId: string): string =>
  `${quarterOfPlan(quarter, planId)}:${storableId(ref)}`;

/** A quarter's updates by action (`actionKey`): each plan's Ref 1.1 has its own. */
export function updatesByAction(updates: readonly Update[]): Map<string, Update> {
  return new Map(updates.map((u) => [planRefKey(updatePlanId(u), u.ref), u]));
}
