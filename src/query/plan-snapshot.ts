import type { Action } from "../domain/action.ts";
import type { Plan } from "../domain/plan.ts";
import type { Quarter } from "../domain/quarter.ts";
import type { PlanVocabulary } from "../domain/question/index.ts";
import { compareRefs } from "../domain/ref-order.ts";
import type { Review } from "../domain/review.ts";
import type { Update } from "../domain/update.ts";
import { CandidateIndex } from "./candidates.ts";

/** Everything a question is answered from, as one consistent picture of the plan. */
export interface PlanSnapshot {
  plan: Plan;
  /** In the order answers list them (CSC-2 before CSC-10). */
  actions: Action[];
  /** Narrows a question to the actions it could match, before the full check. */
  candidates: CandidateIndex;
  /** Every update, any quarter. */
  updates: Update[];
  reviews: ReadonlyMap<Quarter, Review>;
  vocabulary: PlanVocabulary;
  /** The action with this Ref, ignoring case ("csc-07" finds CSC-07). */
  actionByRef(ref: string): Action | undefined;
  /** Every update on one action, any quarter. */
  updatesOf(ref: string): Update[];
  /**
   * Every plan in the store, the first plan first, when it holds more than one: answers then look
   * in each and group by plan, and `vocabulary` holds every plan's words. Absent with one plan.
   */
  plans?: readonly PlanSnapshot[];
}

export function buildSnapshot(parts: {
  plan: Plan;
  actions: Action[];
  updates: Update[];
  reviews: Review[];
  vocabulary: PlanVocabulary;
}): PlanSnapshot {
  const actions = [...parts.actions].sort((a, b) => compareRefs(a.ref, b.ref));
  const byRef = new Map(actions.map((action) => [action.ref.toLowerCase(), action]));
  const updatesByRef = new Map<string, Update[]>();
  for (const update of parts.updates) {
    const key = update.ref.toLowerCase();
    const list = updatesByRef.get(key);
    if (list) list.push(update);
    else updatesByRef.set(key, [update]);
  }
  return {
    plan: parts.plan,
    actions,
    candidates: new CandidateIndex(actions),
    updates: parts.updates,
    reviews: new Map(parts.reviews.map((review) => [review.quarter, review])),
    vocabulary: parts.vocabulary,
    actionByRef: (ref) => byRef.get(ref.trim().toLowerCase()),
    updatesOf: (ref) => updatesByRef.get(ref.trim().toLowerCase()) ?? [],
  };
}

/** The words the parser knows come from the plan's names and text, not from RAGs or dates. */
export function changesVocabulary(before: Action | null, after: Action): boolean {
  return (
    before === null ||
    before.ref !== after.ref ||
    before.lead !== after.lead ||
    before.section !== after.section ||
    before.deliveryArea !== after.deliveryArea ||
    before.developmentAction !== after.developmentAction ||
    before.expectedOutcome !== after.expectedOutcome
  );
}
