import { type Action, actionTitle } from "../domain/action.ts";
import { quarterLabel, quarterOf } from "../domain/calendar.ts";
import { actionDocumentId } from "../domain/document-id.ts";
import type { IsoDate } from "../domain/iso-date.ts";
import type { Person } from "../domain/person.ts";
import type { Plan } from "../domain/plan.ts";
import type { Rag } from "../domain/rag.ts";
import { isOverdue } from "../domain/rag-rules.ts";
import { actionRagByQuarter, trendQuarters } from "../domain/rag-trend.ts";
import { type Update, updatePlanId } from "../domain/update.ts";
import type { Store } from "../store/store.ts";
import { ApiError } from "./api-error.ts";
import { requireActionAccess } from "./tab-access.ts";

/** One line of an action's history: what changed, who did it, when. */
export interface HistoryEntry {
  at: string;
  by: string;
  summary: string;
}

export interface ActionView {
  /** The plan the action belongs to: with several plans, Ref 1.1 may be in each. */
  plan: { id: string; name: string };
  /** `extra`: the plan's own columns the product has no field for, by their header. */
  action: Omit<Action, "planId" | "completionDate" | "priorities"> & {
    title: string;
    completionDate: string;
    due: IsoDate | null;
    priorities: { number: number; name: string }[];
    overdue: boolean;
  };
  /** Every quarter's update, newest first, each with its decision when there is one. */
  updates: (Omit<Update, "id" | "author"> & { quarterLabel: string })[];
  /** The audit trail of the action and its updates, newest first. */
  history: HistoryEntry[];
  /**
   * Its RAG at the end of each quarter from its first update to this one, oldest first, by the
   * rule the plan's trend and the report use (see rag-trend.ts); empty before any update.
   */
  ragHistory: { quarter: string; label: string; current: boolean; rag: Rag | null }[];
}

/**
 * An action's page: its fields, every update and decision, and its audit trail, for a viewer the
 * one access rule lets see it (a lead who does not lead it gets 403, with whose it is).
 */
export async function loadActionView(
  store: Store,
  plan: Plan,
  ref: string,
  today: IsoDate,
  viewer: Person,
): Promise<ActionView> {
  const found =
    (await store.actions.get(ref, plan.id)) ?? (await findIgnoringCase(store, plan.id, ref));
  if (!found) {
    throw new ApiError(
      404,
      "not_found",
      `There is no action ${ref} in "${plan.name}": check the Ref, for example CSC-07, and the plan chosen on the dashboard.`,
    );
  }
  const a = found.doc;
  requireActionAccess(viewer, a);
  // Asked for with the plan, and checked again here: another plan's 1.1 has updates under the same
  // Ref, and an update stored before there were plans has no plan id (it is the first plan's).
  const forAction: (ref: string, planId: string) => Promise<Update[]> =
    store.updates.forAction.bind(store.updates);
  const updates = (await forAction(a.ref, plan.id)).filter((u) => updatePlanId(u) === plan.id);
  const trails = await Promise.all([
    store.audit.history(`action:${actionDocumentId(a.ref)}`),
    ...updates.map((u) => store.audit.history(`update:${u.id}`)),
  ]);
  const history = trails
    .flat()
    // An action's history is kept under its Ref: another plan's 1.1 shares it, so each entry is
    // kept only when the document it records belongs to this plan.
    .filter((e) => entryPlanId(e.after ?? e.before) === plan.id)
    .map((e) => ({ at: e.at, by: e.actor.name, summary: e.summary }))
    .sort((x, y) => y.at.localeCompare(x.at));
  const current = quarterOf(today);
  const ragHistory = actionRagByQuarter(a, updates, trendQuarters(updates, current)).map(
    ({ quarter, rag }) => ({
      quarter,
      label: quarterLabel(quarter),
      current: quarter === current,
      rag,
    }),
  );
  const { planId: _plan, completionDate, priorities, ...fields } = a;
  return {
    plan: { id: plan.id, name: plan.name },
    action: {
      ...fields,
      title: actionTitle(a),
      completionDate: completionDate.text,
      due: completionDate.due,
      priorities: priorities.map((n) => ({
        number: n,
        name: plan.priorities.find((p) => p.number === n)?.name ?? `Priority ${n}`,
      })),
      overdue: isOverdue(a, today),
    },
    updates: [...updates].reverse().map(({ id: _id, author: _author, ...u }) => ({
      ...u,
      quarterLabel: quarterLabel(u.quarter),
    })),
    history,
    ragHistory,
  };
}

/** "csc-7" or "CSC-07" typed in the address bar still finds CSC-07. */
async function findIgnoringCase(store: Store, planId: string, ref: string) {
  const wanted = ref.replace(/[\s-]+/g, "").toLowerCase();
  const digitsLoose = (r: string) =>
    r
      .replace(/[\s-]+/g, "")
      .toLowerCase()
      .replace(/(\D)0+(\d)/g, "$1$2");
  const match = (await store.actions.list(planId)).find(
    (a) =>
      a.ref.replace(/[\s-]+/g, "").toLowerCase() === wanted ||
      digitsLoose(a.ref) === digitsLoose(ref),
  );
  return match ? { doc: match } : null;
}

/** The plan of an audited action or update; documents from before plans had none are the first plan's. */
function entryPlanId(doc: unknown): string {
  const planId = (doc as { planId?: unknown } | null)?.planId;
  return updatePlanId({ planId: typeof planId === "string" ? planId : undefined });
}
