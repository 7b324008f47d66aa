import { can, type PlanReach, planReach } from "../domain/permissions.ts";
import type { Person } from "../domain/person.ts";
import type { Query } from "../domain/question/index.ts";

/**
 * What a person may ask about: the plan reach of the one access rule (`src/domain/permissions.ts`),
 * the same rule the tab's API applies.
 */
export type AskerReach = PlanReach;

export function askerReach(person: Person): AskerReach {
  return can(person, "askQuestions") ? planReach(person) : "nothing";
}

/** The question as this person may have it answered: a lead's is narrowed to their own actions. */
export function withinReach(query: Query, reach: AskerReach): Query {
  return reach === "ownActions" ? { ...query, mine: true } : query;
}

/** Whether this person may see one action in full. */
export function mayView(person: Person, reach: AskerReach, lead: string): boolean {
  return reach !== "nothing" && can(person, "seeAction", { lead });
}
