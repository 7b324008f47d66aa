import { planReach, visibleActions } from "../domain/permissions.ts";
import type { Person } from "../domain/person.ts";
import { type Plan, SAMPLE_PLAN } from "../domain/plan.ts";
import { type ListedPlan, listPlans, planNamesText } from "../plans/plan-list.ts";
import type { Store } from "../store/store.ts";
import { ApiError } from "./api-error.ts";

/** A plan as the tab's picker lists it: `actions` counts only what the viewer may see of it. */
export interface PlanChoice {
  id: string;
  name: string;
  actions: number;
}

/**
 * The plans a viewer may open, in the order `plans` lists them (the first plan first, then by name).
 * Someone who is only a lead sees the plans holding actions they lead, since that is all they can
 * see of a plan; when they lead none anywhere, the first plan is still listed so the page can say so.
 */
export async function plansForViewer(store: Store, viewer: Person): Promise<PlanChoice[]> {
  return choicesFor(store, viewer, await listPlans(store));
}

async function choicesFor(
  store: Store,
  viewer: Person,
  plans: readonly ListedPlan[],
): Promise<PlanChoice[]> {
  if (plans.length === 0) return [{ id: SAMPLE_PLAN.id, name: SAMPLE_PLAN.name, actions: 0 }];
  if (planReach(viewer) === "wholePlan") {
    return plans.map((p) => ({ id: p.plan.id, name: p.plan.name, actions: p.actions }));
  }
  const counted = await Promise.all(
    plans.map(async (p) => ({
      id: p.plan.id,
      name: p.plan.name,
      actions: visibleActions(viewer, await store.actions.list(p.plan.id)).length,
    })),
  );
  const theirs = counted.filter((p) => p.actions > 0);
  return theirs.length > 0 ? theirs : counted.slice(0, 1);
}

/**
 * The plan a tab request is about: `?plan=<id>` when given, otherwise the viewer's first plan (the
 * store's only plan, or its first plan when it has several), so a store with one plan shows it as
 * before. An empty store shows the sample plan's priorities with no actions, as it always has.
 */
export async function choosePlan(
  store: Store,
  viewer: Person,
  wanted: string | null,
): Promise<Plan> {
  const plans = await listPlans(store);
  const id = wanted?.trim() || null;
  if (id === null) {
    const first = (await choicesFor(store, viewer, plans))[0];
    return plans.find((p) => p.plan.id === first?.id)?.plan ?? SAMPLE_PLAN;
  }
  const found = plans.find((p) => p.plan.id === id);
  if (found) return found.plan;
  throw new ApiError(
    404,
    "plan_not_found",
    plans.length === 0
      ? `There is no plan "${id}": no plan has been imported yet. Open the dashboard without a plan in its address.`
      : `There is no plan "${id}": choose one of ${planNamesText(plans)} from the Plan list.`,
  );
}
