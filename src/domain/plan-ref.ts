import { DEFAULT_PLAN_ID } from "./plan.ts";

/**
 * Two plans may each have a Ref 1.1, so a Ref alone no longer names one action: in-memory maps of
 * actions and updates are keyed by plan and Ref together.
 */
export const planRefKey = (planId: string, ref: string): string => `${planId}\u0000${ref}`;

/**
 * A quarter, marked with its plan where an id or message key needs both: the first plan's is the
 * quarter alone, so the ids and keys a store held before it could hold several plans stay the
 * same; another plan's is `2026-Q3~send-plan`. A quarter is always `YYYY-Qn` and is followed by
 * `:` in the first plan's ids, so no Ref, however written, makes one plan's id another's.
 */
export const quarterOfPlan = (quarter: string, planId: string): string =>
  planId === DEFAULT_PLAN_ID ? quarter : `${quarter}~${planId}`;

/** The key of an action in maps of actions and updates. */
export const actionKey = (action: { planId: string; ref: string }): string =>
  planRefKey(action.planId, action.ref);
