import type { Action } from "../domain/action.ts";
import { evaluateQuery, type Query } from "../domain/question/index.ts";
import type { AskContext } from "./answer-query.ts";

/**
 * The actions that answer a query, exactly as `evaluateQuery` decides, checking only the actions
 * the candidate index says could match (and only their updates, which only review filters read).
 */
export function findMatches(context: AskContext, query: Query): Action[] {
  const { snapshot, person } = context;
  const actions = snapshot.candidates.candidates(query, person.leads);
  const updates = query.review.length
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
