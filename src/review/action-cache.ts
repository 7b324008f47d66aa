import type { Action } from "../domain/action.ts";
import { DEFAULT_PLAN_ID } from "../domain/plan.ts";
import type { Store } from "../store/store.ts";

/**
 * The actions this process has read lately, by Ref. When the store stops answering mid-submit,
 * the form can still be drawn again (with the person's text and a "press Submit again" banner)
 * instead of being replaced by a bare error. Bounded, oldest first out.
 */
export class ActionCache {
  private readonly byRef = new Map<string, Action>();

  constructor(private readonly limit = 5_000) {}

  remember(action: Action): Action {
    this.byRef.delete(action.ref);
    this.byRef.set(action.ref, action);
    if (this.byRef.size > this.limit) {
      const oldest = this.byRef.keys().next().value;
      if (oldest !== undefined) this.byRef.delete(oldest);
    }
    return action;
  }

  recall(ref: string): Action | undefined {
    return this.byRef.get(ref);
  }

  /** Reads an action from the store, remembering it. */
  async get(store: Store, ref: string): Promise<Action | null> {
    const found = await store.actions.get(ref, DEFAULT_PLAN_ID);
    return found ? this.remember(found.doc) : null;
  }
}
