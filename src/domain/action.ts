import { z } from "zod";
import { IsoDateSchema } from "./iso-date.ts";
import { RagSchema } from "./rag.ts";

/**
 * A completion date as the plan wrote it, and what it means. `due` is the last date in the cell
 * (several dates are milestones); `tbc` keeps "TBC" distinct from an empty cell.
 */
export const PlanDateSchema = z.object({
  text: z.string(),
  due: IsoDateSchema.nullable(),
  tbc: z.boolean(),
  milestones: z.array(IsoDateSchema),
});
export type PlanDate = z.infer<typeof PlanDateSchema>;

export const ActionSchema = z.object({
  ref: z.string().min(1),
  planId: z.string().min(1),
  priorities: z.array(z.number().int().positive()),
  section: z.string(),
  deliveryArea: z.string(),
  developmentAction: z.string().min(1),
  expectedOutcome: z.string(),
  /** Who leads, as the plan writes it (e.g. "HoS / Service Manager"). */
  lead: z.string().min(1),
  completionDate: PlanDateSchema,
  /** The official rating: set by import, then only by a DMT-approved update. */
  rag: RagSchema.nullable(),
  complete: z.boolean(),
  signedOff: z.boolean(),
  actionWeWillTake: z.string(),
  howWillWeKnow: z.string(),
  progressUpdate: z.string(),
  /** Columns the plan had that the product has no field for, kept so export gives them back. */
  extra: z.record(z.string(), z.string()),
});
export type Action = z.infer<typeof ActionSchema>;

/** A short title for cards and lists: the first line of the development action, trimmed. */
export function actionTitle(action: Pick<Action, "developmentAction">, max = 140): string {
  const firstLine = action.developmentAction.split(/\r?\n/)[0]?.trim() ?? "";
  return firstLine.length <= max ? firstLine : `${firstLine.slice(0, max - 1).trimEnd()}…`;
}

/** Lead cells and `--leads` values match ignoring case and spacing: "HoS/ Service Manager" = "hos / service manager". */
export function normaliseLead(lead: string): string {
  return lead.toLowerCase().replace(/\s+/g, "");
}
