import { DEFAULT_PLAN_ID, type Plan, SAMPLE_PLAN } from "../domain/plan.ts";
import type { Store } from "../store/store.ts";

/** The plan and its priorities; a store that has none yet uses the sample plan's five priorities. */
export async function currentPlan(store: Store): Promise<Plan> {
  const found = await store.plans.get(DEFAULT_PLAN_ID);
  return found?.doc ?? SAMPLE_PLAN;
}
