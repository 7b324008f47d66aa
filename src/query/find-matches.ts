import type { Action } from "../domain/action.ts";
import type { Plan } from "../domain/plan.ts";
import { evaluateQuery, type Query } from "../domain/question/index.ts";
import type { AskContext } from "./answer-query.ts";

/**
 * The actions that answer a query, exactly as `evaluateQuery` decides, checking only the actions
 * the candidate index says could match (and only their updates, which only review filters and
 * past ratings read).
 */
export function findMatches(context: AskContext, query: Query): Action[] {
  const { snapshot, person } = context;
  const actions = snapshot.candidates.candidates(query, person.leads);
  const updates =
    query.review.length || query.asAt
      ? actions.flatMap((action) => snapshot.updatesOf(action.ref))
      : [];
  return evaluateQuery(query, {
    actions,
    updates,
    currentQuarter: context.currentQuarter,
    today: context.today,
    askerLeads: person.leads,
  });
}

/** One plan's matches. */
export type PlanMatches = { plan: Plan; matches: Action[] };

/**
 * The matches in each plan the query may reach, in the order the plans are listed: every plan
 * when none is named, so "priority 3" gives each plan's own priority 3 rather than a mix. A store
 * of one plan gives that plan's matches alone, as it always did.
 */
export function matchesByPlan(context: AskContext, query: Query): PlanMatches[] {
  const plans = context.snapshot.plans ?? [context.snapshot];
  return plans
    .filter((plan) => !query.plans?.length || query.plans.includes(plan.plan.id))
    .map((snapshot) => ({
      plan: snapshot.plan,
      matches: findMatches({ ...context, snapshot }, query),
    }));
}
