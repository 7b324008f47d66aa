import { type Action, normaliseLead } from "./action.ts";
import { can } from "./permissions.ts";
import type { Person } from "./person.ts";
import { DEFAULT_PLAN_ID } from "./plan.ts";
import { byRef } from "./ref-order.ts";
import type { Update } from "./update.ts";

/** An action still waits for its lead this quarter: nothing sent yet, or DMT sent it back. */
export function isOwed(action: Action, update: Update | undefined): boolean {
  if (action.complete || action.signedOff) return false;
  return !update || update.state === "returned";
}

/** The actions a person may update: they hold the lead role and their leads match the Lead cell. */
export function actionsLedBy(person: Person, actions: readonly Action[]): Action[] {
  return actions.filter((action) => can(person, "submitUpdate", action));
}

export interface LeadAssignment {
  /** Person id → the given actions they lead, in plan order. */
  byPerson: Map<string, { person: Person; actions: Action[] }>;
  /** Actions nobody in the directory leads: listed in review status so an admin can fix it. */
  unmatched: Action[];
}

/** Who answers for each action. Two people may share a Lead value; both are asked. */
export function assignToLeads(
  actions: readonly Action[],
  people: readonly Person[],
): LeadAssignment {
  const byPerson: LeadAssignment["byPerson"] = new Map();
  const unmatched: Action[] = [];
  const index = leadIndex(people);
  for (const action of actions) {
    const owners = index.get(normaliseLead(action.lead)) ?? [];
    if (owners.length === 0) unmatched.push(action);
    for (const person of owners) {
      const entry = byPerson.get(person.id) ?? { person, actions: [] };
      entry.actions.push(action);
      byPerson.set(person.id, entry);
    }
  }
  return { byPerson, unmatched };
}

/** Actions of several plans: the first plan's, then each other plan's together, each in plan order. */
export function byPlanAndRef(
  a: Pick<Action, "ref" | "planId">,
  b: Pick<Action, "ref" | "planId">,
): number {
  if (a.planId === b.planId) return byRef(a, b);
  if (a.planId === DEFAULT_PLAN_ID) return -1;
  if (b.planId === DEFAULT_PLAN_ID) return 1;
  return a.planId.localeCompare(b.planId);
}

/**
 * Normalised Lead value → the people who may update actions with that Lead (an index, so a plan
 * of thousands of actions is matched in one pass rather than action × person).
 */
function leadIndex(people: readonly Person[]): Map<string, Person[]> {
  const index = new Map<string, Person[]>();
  for (const person of people) {
    for (const lead of new Set(person.leads.map(normaliseLead))) {
      if (!can(person, "submitUpdate", { lead })) continue;
      index.set(lead, [...(index.get(lead) ?? []), person]);
    }
  }
  return index;
}
