import { DEFAULT_PLAN_ID, type Plan, SAMPLE_PLAN } from "../domain/plan.ts";
import type { Store } from "../store/store.ts";

export interface ListedPlan {
  plan: Plan;
  actions: number;
  /** False for a plan known only from its actions (see below): nothing is written until it changes. */
  stored: boolean;
}

/**
 * Every plan in the store with its number of actions, the first plan first, then by name.
 *
 * Stores written before there could be several plans may hold actions under the plan id `default`
 * with no plan document at all: the importer then read them against the sample plan's priorities,
 * so that is the plan they belong to. Any other plan id without a document (which only a failed
 * removal could leave) is listed under its id, so its actions are never hidden.
 */
export async function listPlans(store: Store): Promise<ListedPlan[]> {
  const [docs, counts] = await Promise.all([store.plans.list(), store.actions.countByPlan()]);
  return orderPlans(docs, counts);
}

/**
 * `listPlans` from plan documents and each plan's number of actions already in hand (the question
 * index holds both in memory): one rule for which plans there are and in what order.
 */
export function orderPlans(
  docs: readonly Plan[],
  counts: ReadonlyMap<string, number>,
): ListedPlan[] {
  const listed: ListedPlan[] = docs.map((plan) => ({
    plan,
    actions: counts.get(plan.id) ?? 0,
    stored: true,
  }));
  for (const [planId, actions] of counts) {
    if (docs.some((d) => d.id === planId)) continue;
    const plan =
      planId === DEFAULT_PLAN_ID ? SAMPLE_PLAN : { id: planId, name: planId, priorities: [] };
    listed.push({ plan, actions, stored: false });
  }
  return listed.sort(
    (a, b) =>
      Number(b.plan.id === DEFAULT_PLAN_ID) - Number(a.plan.id === DEFAULT_PLAN_ID) ||
      a.plan.name.localeCompare(b.plan.name, "en", { sensitivity: "base", numeric: true }),
  );
}

/** "SEND plan" and "CYPP": the names of the plans, quoted, for messages. */
export function planNamesText(plans: readonly ListedPlan[]): string {
  return plans.map((p) => `"${p.plan.name}"`).join(", ");
}
