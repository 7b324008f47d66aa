import { formatDateTime } from "../cards/date-time-text.ts";
import { buildOutcomeCard } from "../cards/outcome-card.ts";
import { buildUpdateFormCard } from "../cards/update-form-card.ts";
import type { Action } from "../domain/action.ts";
import { todayIn } from "../domain/calendar.ts";
import { completionSignedOff } from "../domain/decision-rules.ts";
import { formatLongDate } from "../domain/iso-date.ts";
import { suggestRag } from "../domain/rag-rules.ts";
import { type Decision, type Update, updatePlanId } from "../domain/update.ts";
import type { FeatureDeps } from "../feature-deps.ts";
import type { Card } from "../messaging.ts";
import { planLabels, refWithPlanName } from "../review/every-plan.ts";
import { draftOf } from "../review/update-cards.ts";
import { outcomeKey } from "./signoff-keys.ts";

/** The lead's last approved update before this quarter, shown in the form for comparison. */
async function lastApprovedBefore(deps: FeatureDeps, update: Update): Promise<Update | null> {
  const history = await deps.store.updates.forAction(update.ref, updatePlanId(update));
  return (
    history
      .filter((u) => u.quarter < update.quarter && u.decision?.outcome === "approved")
      .at(-1) ?? null
  );
}

/** A fresh update form holding everything the lead wrote, under a banner saying who returned it and why. */
export async function returnedUpdateForm(
  deps: FeatureDeps,
  update: Update,
  action: Action,
  planName?: string,
): Promise<Card> {
  const decision = update.decision as Decision;
  const timeZone = deps.config.REVIEW_TIMEZONE;
  return buildUpdateFormCard({
    action,
    planName,
    quarter: update.quarter,
    suggestion: suggestRag(action, todayIn(timeZone, deps.clock.now())),
    lastApproved: await lastApprovedBefore(deps, update),
    draft: draftOf(update),
    banner: `Returned by ${decision.byName} on ${formatDateTime(decision.at, timeZone)}: ${decision.comment}`,
    revision: update.revision,
    timeZone,
  });
}

function approvedSummary(update: Update, decision: Decision, planName?: string): string {
  const parts = [
    `${decision.byName} approved your update on ${refWithPlanName(update.ref, planName)}: its RAG is now ${update.proposedRag}.`,
  ];
  if (update.revisedDate)
    parts.push(`Its completion date is now ${formatLongDate(update.revisedDate)}.`);
  if (completionSignedOff(update)) parts.push("It is signed off as complete.");
  return parts.join(" ");
}

/**
 * Tells the lead the decision, once per decided revision (the key makes a repeat a no-op): an
 * approval as an outcome card, a return as the form to revise with their text kept.
 */
export async function notifyLead(deps: FeatureDeps, update: Update, action: Action): Promise<void> {
  const decision = update.decision;
  if (!decision) return;
  const approved = decision.outcome === "approved";
  // With several plans the lead may have a 1.1 in each: the card and its notification say which.
  const planName = (await planLabels(deps.store)).nameOf(action.planId);
  const card = approved
    ? buildOutcomeCard({ action, update, planName, timeZone: deps.config.REVIEW_TIMEZONE })
    : await returnedUpdateForm(deps, update, action, planName);
  const summary = approved
    ? approvedSummary(update, decision, planName)
    : `${decision.byName} returned your update on ${refWithPlanName(update.ref, planName)}: \u201c${decision.comment}\u201d. Your text is kept in the form: revise it and send it again.`;
  await deps.messenger.send({
    key: outcomeKey(
      update.quarter,
      { ref: update.ref, planId: updatePlanId(update) },
      update.revision,
    ),
    to: update.author,
    card,
    summary,
  });
}
