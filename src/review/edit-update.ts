import { formatDateTime } from "../cards/date-time-text.ts";
import { buildNoticeCard } from "../cards/notice-card.ts";
import type { Action } from "../domain/action.ts";
import { can, requireCapability } from "../domain/permissions.ts";
import type { FeatureDeps } from "../feature-deps.ts";
import type { Card, CardActionTurn } from "../messaging.ts";
import type { ActionCache } from "./action-cache.ts";
import { sendFormFromList } from "./form-from-list.ts";
import { missingActionCard, problemCard } from "./notices.ts";
import { noReviewForLeadCard, reviewExists } from "./review-exists.ts";
import { currentUpdateCard, draftOf, submittedCard, updateForm } from "./update-cards.ts";

/**
 * `editUpdate`: the form for one action, blank or filled with what was sent, for its lead to
 * change until DMT decides. An approved update is final, and says so. Pressed on a reminder list,
 * the form comes as a message of its own and the list stays (`sendFormFromList`).
 */
export async function editUpdate(
  deps: FeatureDeps,
  cache: ActionCache,
  turn: CardActionTurn<"editUpdate">,
): Promise<Card> {
  const { ref, quarter, planId, from, round } = turn.data;
  if (!(await reviewExists(deps, quarter))) return noReviewForLeadCard(quarter, "opened");
  if (from === "list")
    return await sendFormFromList(deps, cache, turn, {
      ref,
      planId,
      quarter,
      round: round ?? "open",
    });
  const action = await cache.get(deps.store, ref, planId);
  if (!action) return missingActionCard(ref);
  requireCapability(turn.person, "submitUpdate", action);
  const stored = await deps.store.updates.get(quarter, ref, planId);
  const update = stored?.doc ?? null;
  if (update?.state === "approved") {
    const by = update.decision
      ? ` by ${update.decision.byName} on ${formatDateTime(update.decision.at, deps.config.REVIEW_TIMEZONE)}`
      : "";
    return submittedCard(
      deps,
      action,
      update,
      turn.person,
      `DMT approved this update${by}, so it can't be edited now. Anything new can go in next quarter's update.`,
    );
  }
  if (update?.state === "submitted") {
    return updateForm(deps, {
      action,
      quarter,
      person: turn.person,
      draft: draftOf(update),
      revision: update.revision,
    });
  }
  return currentUpdateCard(deps, action, quarter, turn.person, update);
}

/**
 * `refreshUpdate` (Teams asks when the card is opened): the current state for the lead, so a form
 * answered on another device shows what was sent. Others who may see the action (managers, DMT,
 * admins) see the sent update, if any; anyone else a neutral card without its text.
 */
export async function refreshUpdate(
  deps: FeatureDeps,
  cache: ActionCache,
  turn: CardActionTurn<"refreshUpdate">,
): Promise<Card> {
  const { ref, quarter, planId } = turn.data;
  const action = await cache.get(deps.store, ref, planId);
  if (!action) return missingActionCard(ref);
  // Seeing the update follows the one access rule, so a card forwarded to or opened by
  // someone else never shows text the dashboard and the chat would refuse them.
  if (!can(turn.person, "seeUpdates", action)) return someoneElsesUpdateCard(action);
  const update = (await deps.store.updates.get(quarter, ref, planId))?.doc ?? null;
  if (can(turn.person, "submitUpdate", action))
    return currentUpdateCard(deps, action, quarter, turn.person, update);
  if (update) return submittedCard(deps, action, update, turn.person);
  return problemCard(
    `${ref} has no update yet`,
    `Only the lead for ${ref} (${action.lead}) can fill in its update.`,
  );
}

/** What a person who may not see an action's updates gets instead: whose it is, not what it says. */
function someoneElsesUpdateCard(action: Pick<Action, "ref" | "lead">): Card {
  return buildNoticeCard({
    title: `${action.ref}: someone else's update`,
    lines: [
      `This is the update form for ${action.ref}, which ${action.lead} leads, so its text isn't shown to you.`,
      "Type \u201cmy actions\u201d for your own update forms.",
    ],
  });
}
