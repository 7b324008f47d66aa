import type { Action } from "../domain/action.ts";
import { listPlans } from "../plans/plan-list.ts";
import type { Store } from "../store/store.ts";

/** The names cards and lists give plans. */
export interface PlanLabels {
  /**
   * The plan's name when the store holds more than one plan (two plans may each have a 1.1, so a
   * card must say which); undefined with one plan, so its cards look as they always did.
   */
  nameOf(planId: string): string | undefined;
}

/** The plan labels of a store, read now. */
export async function planLabels(store: Store): Promise<PlanLabels> {
  return labelsOf(await listPlans(store));
}

/**
 * Every plan's actions, the first plan's first, with the labels to tell the plans apart: a review
 * round, a lead's list and review status cover every plan in the store.
 */
export async function everyPlansActions(
  store: Store,
): Promise<{ actions: Action[]; labels: PlanLabels }> {
  const plans = await listPlans(store);
  const lists = await Promise.all(plans.map((p) => store.actions.list(p.plan.id)));
  return { actions: lists.flat(), labels: labelsOf(plans) };
}

function labelsOf(plans: Awaited<ReturnType<typeof listPlans>>): PlanLabels {
  const names = new Map(plans.map((p) => [p.plan.id, p.plan.name]));
  return { nameOf: (planId) => (names.size > 1 ? (names.get(planId) ?? planId) : undefined) };
}

/** "1.1", or "1.1 (SEND plan)" when the store holds several plans: a Ref alone may be two actions. */
export function refInPlan(action: Pick<Action, "ref" | "planId">, labels?: PlanLabels): string {
  return refWithPlanName(action.ref, labels?.nameOf(action.planId));
}

/** The same, with the plan's name (undefined with one plan) already in hand. */
export function refWithPlanName(ref: string, planName: string | undefined): string {
  return planName ? `${ref} (${planName})` : ref;
}
