import type { Action } from "../domain/action.ts";
// Named apart from the map of updates by Ref below.
import { byRef as inRefOrder } from "../domain/ref-order.ts";
import { type Update, updatePlanId } from "../domain/update.ts";

/** One exported line: the plan's own columns, then what Plan Tracker adds (latest update and decision). */
export interface PlanRow {
  /** The plan the action belongs to: with several plans, Refs repeat across them. */
  planId: string;
  planName: string;
  ref: string;
  priorities: number[];
  section: string;
  deliveryArea: string;
  developmentAction: string;
  expectedOutcome: string;
  lead: string;
  completionDate: string;
  dueDate: string | null;
  rag: string | null;
  complete: boolean;
  signedOff: boolean;
  actionWeWillTake: string;
  howWillWeKnow: string;
  progressUpdate: string;
  extra: Record<string, string>;
  latestUpdate: {
    quarter: string;
    progress: string;
    /** The update's optional answers for the board paper; "" when left empty. */
    difference: string;
    nextSteps: string;
    proposedRag: string;
    state: string;
    by: string;
    at: string;
    revisedDate: string | null;
    evidenceUrl: string;
  } | null;
  latestDecision: {
    quarter: string;
    outcome: string;
    by: string;
    at: string;
    comment: string;
  } | null;
}

/** Columns only export writes; import skips them so that an exported file re-imports unchanged. */
export const EXPORT_ONLY_HEADERS = [
  // Written first when several plans are exported together; an import reads it as each row's plan
  // (see ../import/plan-column.ts) and never keeps it as an extra column.
  "Plan",
  "Signed Off",
  "Latest Update Quarter",
  "Latest Update",
  // Not "Next Steps": an import reads that as the plan's Action We Will Take.
  "Difference Made",
  "What Happens Next",
  "Proposed RAG",
  "Update State",
  "Updated By",
  "Updated At",
  "Latest Decision",
  "Decided By",
  "Decided At",
  "Decision Comment",
];

/** Each action with its latest update and decision; `planNames` names each action's plan. */
export function toPlanRows(
  actions: Action[],
  updates: Update[],
  planNames: ReadonlyMap<string, string> = new Map(),
): PlanRow[] {
  // An update belongs to the action of its Ref in its own plan, never to another plan's 1.1.
  const key = (planId: string, ref: string) => `${planId}\u0000${ref}`;
  const byRef = new Map<string, Update[]>();
  for (const u of updates) {
    const k = key(updatePlanId(u), u.ref);
    byRef.set(k, [...(byRef.get(k) ?? []), u]);
  }
  return [...actions].sort(inRefOrder).map((a) => {
    const history = (byRef.get(key(a.planId, a.ref)) ?? []).sort((x, y) =>
      x.quarter.localeCompare(y.quarter),
    );
    const latest = history.at(-1);
    const decided = history.filter((u) => u.decision).at(-1);
    return {
      planId: a.planId,
      planName: planNames.get(a.planId) ?? a.planId,
      ref: a.ref,
      priorities: a.priorities,
      section: a.section,
      deliveryArea: a.deliveryArea,
      developmentAction: a.developmentAction,
      expectedOutcome: a.expectedOutcome,
      lead: a.lead,
      completionDate: a.completionDate.text,
      dueDate: a.completionDate.due,
      rag: a.rag,
      complete: a.complete,
      signedOff: a.signedOff,
      actionWeWillTake: a.actionWeWillTake,
      howWillWeKnow: a.howWillWeKnow,
      progressUpdate: a.progressUpdate,
      extra: a.extra,
      latestUpdate: latest
        ? {
            quarter: latest.quarter,
            progress: latest.progress,
            difference: latest.difference ?? "",
            nextSteps: latest.nextSteps ?? "",
            proposedRag: latest.proposedRag,
            state: latest.state,
            by: latest.authorName,
            at: latest.submittedAt,
            revisedDate: latest.revisedDate,
            evidenceUrl: latest.evidenceUrl,
          }
        : null,
      latestDecision: decided?.decision
        ? {
            quarter: decided.quarter,
            outcome: decided.decision.outcome,
            by: decided.decision.byName,
            at: decided.decision.at,
            comment: decided.decision.comment,
          }
        : null,
    };
  });
}
