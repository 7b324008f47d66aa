import { can } from "../domain/permissions.ts";
import { hasRole, leadsAction, type Person } from "../domain/person.ts";
import type { Query } from "../domain/question/index.ts";

/**
 * What a person may ask about: managers, DMT and admins the whole plan; someone who is only an
 * action lead, the actions they lead; anyone else, nothing.
 */
export type AskerReach = "wholePlan" | "ownActions" | "nothing";

export function askerReach(person: Person): AskerReach {
  if (!can(person, "askQuestions")) return "nothing";
  return hasRole(person, "manager", "dmt", "admin") ? "wholePlan" : "ownActions";
}

/** The question as this person may have it answered: a lead's is narrowed to their own actions. */
export function withinReach(query: Query, reach: AskerReach): Query {
  return reach === "ownActions" ? { ...query, mine: true } : query;
}

/** Whether this person may see one action in full. */
export function mayView(person: Person, reach: AskerReach, lead: string): boolean {
  if (reach === "wholePlan") return true;
  return reach === "ownActions" && leadsAction(person, lead);
}
