import { buildWelcomeCard } from "../cards/welcome-card.ts";
import { normaliseLead } from "../domain/action.ts";
import type { Person } from "../domain/person.ts";
import { DEFAULT_PLAN_ID } from "../domain/plan.ts";
import type { Card } from "../messaging.ts";
import type { ActionsRepo } from "../store/actions-repo.ts";

/** The greeting on a personal install: who they are to Plan Tracker and what they lead. */
export async function welcomeCardFor(
  person: Person,
  actions: ActionsRepo,
  note?: string,
): Promise<Card> {
  const plan = await actions.list(DEFAULT_PLAN_ID);
  const ledActions = person.leads.map((lead) => ({
    lead,
    count: plan.filter((action) => normaliseLead(action.lead) === normaliseLead(lead)).length,
  }));
  return buildWelcomeCard({ person, ledActions, note });
}
