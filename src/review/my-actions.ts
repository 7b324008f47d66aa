import { todayIn } from "../domain/calendar.ts";
import { actionsLedBy, byPlanAndRef } from "../domain/lead-assignment.ts";
import type { Person } from "../domain/person.ts";
import { actionKey } from "../domain/plan-ref.ts";
import type { Quarter } from "../domain/quarter.ts";
import { updatesByAction } from "../domain/update.ts";
import type { FeatureDeps } from "../feature-deps.ts";
import type { Card } from "../messaging.ts";
import type { ActionCache } from "./action-cache.ts";
import { everyPlansActions } from "./every-plan.ts";
import { leadListCard } from "./lead-list-card.ts";
import { currentReviewQuarter } from "./review-records.ts";
import { currentUpdateCard } from "./update-cards.ts";

/** A lead's open actions for the current review, each with the card that shows where it stands. */
export async function myActionCards(
  deps: FeatureDeps,
  cache: ActionCache,
  person: Person,
): Promise<{ quarter: Quarter; cards: Array<{ ref: string; card: Card }> }> {
  const quarter = await currentReviewQuarter(
    deps.store,
    todayIn(deps.config.REVIEW_TIMEZONE, deps.clock.now()),
  );
  const [{ actions }, updates] = await Promise.all([
    everyPlansActions(deps.store),
    deps.store.updates.forQuarter(quarter),
  ]);
  const updateOf = updatesByAction(updates);
  const mine = actionsLedBy(person, actions)
    .filter((a) => !a.complete && !a.signedOff)
    .sort(byPlanAndRef)
    .map((a) => cache.remember(a));
  const cards = await Promise.all(
    mine.map(async (action) => ({
      ref: action.ref,
      card: await currentUpdateCard(
        deps,
        action,
        quarter,
        person,
        updateOf.get(actionKey(action)) ?? null,
      ),
    })),
  );
  return { quarter, cards };
}

/**
 * The "My actions" button answers with one card (a button's answer replaces its card): the list
 * of what the lead still owes this quarter, each with its Update button.
 */
export async function myActionsListCard(deps: FeatureDeps, person: Person): Promise<Card> {
  const quarter = await currentReviewQuarter(
    deps.store,
    todayIn(deps.config.REVIEW_TIMEZONE, deps.clock.now()),
  );
  return leadListCard(deps, { person, quarter, round: "open" });
}
