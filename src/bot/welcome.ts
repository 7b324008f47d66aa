import { buildWelcomeCard } from "../cards/welcome-card.ts";
import { normaliseLead } from "../domain/action.ts";
import type { Person } from "../domain/person.ts";
import type { Card } from "../messaging.ts";
import { everyPlansActions } from "../review/every-plan.ts";
import type { Store } from "../store/store.ts";

/**
 * The greeting on a personal install: who they are to Plan Tracker and what they lead, counted
 * across every plan (a lead may have actions in several), under each plan's name when there are
 * several.
 */
export async function welcomeCardFor(person: Person, store: Store, note?: string): Promise<Card> {
  const { actions, labels } = await everyPlansActions(store);
  const planIds = [...new Set(actions.map((action) => action.planId))];
  const ledActions = planIds.flatMap((planId) => {
    const plan = actions.filter((action) => action.planId === planId);
    return person.leads.map((lead) => ({
      lead,
      count: plan.filter((action) => normaliseLead(action.lead) === normaliseLead(lead)).length,
      planName: labels.nameOf(planId),
    }));
  });
  // With no actions at all there is no plan to count in, but each Lead is still named.
  const entries =
    ledActions.length > 0 ? ledActions : person.leads.map((lead) => ({ lead, count: 0 }));
  return buildWelcomeCard({ person, ledActions: entries, note });
}
