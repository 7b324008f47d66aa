import type { Action } from "../domain/action.ts";
import { planRefKey } from "../domain/plan-ref.ts";
import type { Store } from "../store/store.ts";

/**
 * The actions this process has read lately, by plan and Ref. When the store stops answering
 * mid-submit, the form can still be drawn again (with the person's text and a "press Submit again"
 * banner) instead of being replaced by a bare error. Bounded, oldest first out.
 */
export class ActionCache {
  private readonly byKey = new Map<string, Action>();

  constructor(private readonly limit = 5_000) {}

  remember(action: Action): Action {
    const key = planRefKey(action.planId, action.ref);
    this.byKey.delete(key);
    this.byKey.set(key, action);
    if (this.byKey.size > this.limit) {
      const oldest = this.byKey.keys().next().value;
      if (oldest !== undefined) this.byKey.delete(oldest);
    }
    return action;
  }

  recall(ref: string, planId: string): Action | undefined {
    return this.byKey.get(planRefKey(planId, ref));
  }

  /** Reads an action of a plan from the store, remembering it. */
  async get(store: Store, ref: string, planId: string): Promise<Action | null> {
    const found = await store.actions.get(ref, planId);
    return found ? this.remember(found.doc) : null;
  }
}
