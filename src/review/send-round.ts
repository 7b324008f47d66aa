import { buildDmtOutstandingCard } from "../cards/dmt-outstanding-card.ts";
import { countOf } from "../cards/list-text.ts";
import { buildReminderCard } from "../cards/reminder-card.ts";
import { refCount } from "../cards/review-lists.ts";
import { quarterLabel } from "../domain/calendar.ts";
import { formatLongDate, type IsoDate } from "../domain/iso-date.ts";
import { assignToLeads, byPlanAndRef, isOwed } from "../domain/lead-assignment.ts";
import { hasRole } from "../domain/person.ts";
import { actionKey } from "../domain/plan-ref.ts";
import type { Quarter } from "../domain/quarter.ts";
import type { ReviewRound } from "../domain/review.ts";
import type { RoundPlan } from "../domain/review-calendar.ts";
import { updatesByAction } from "../domain/update.ts";
import type { FeatureDeps } from "../feature-deps.ts";
import { forEachLimited } from "../for-each-limited.ts";
import { dmtOutstandingInput, owedGroups } from "./dmt-outstanding.ts";
import { everyPlansActions, refInPlan } from "./every-plan.ts";
import { sendOpeningForms } from "./opening-forms.ts";
import { recordRoundQueueing, recordRoundsSent } from "./review-records.ts";
import { reviewStatus } from "./review-status.ts";
import { inHundreds, QUEUE_BATCHES } from "./run-limited.ts";

export interface RoundReport {
  quarter: Quarter;
  round: ReviewRound;
  /** Leads with something owed: sent (or already sent) a form per action at the opening, one list per chaser. */
  leads: number;
  /** Actions prompted across those leads. */
  actions: number;
  /** Messages newly queued now; the rest had been queued before (a rerun). */
  queued: number;
  /** Owed actions whose Lead matches nobody in the directory. */
  withoutLead: number;
  dmtMembers: number;
  /** False when nothing could be sent (nobody in the directory leads what is owed). */
  recorded: boolean;
}

/** The idempotency key of a lead's reminder: one per quarter, round and person. */
export const reminderKey = (quarter: Quarter, round: ReviewRound, personId: string): string =>
  `review:${quarter}:${round}:${personId}`;

/**
 * Sends one round: at the opening each lead gets an update form per action they owe; each chaser
 * is one message per lead listing what they still owe (completed and signed-off actions are never
 * prompted), and in the final round every DMT member gets the list of who still owes what. Every
 * message has a key, so a rerun after a crash sends only what was not sent. The review notes the
 * round as being queued before the first message and as sent after the last, so queueing that a
 * crash cut short is finished at the next start (see `resumeInterruptedRounds`).
 */
export async function sendRound(
  deps: Pick<FeatureDeps, "store" | "messenger" | "clock" | "logger" | "config">,
  quarter: Quarter,
  plan: RoundPlan,
  reviewDate: IsoDate,
  today: IsoDate,
): Promise<RoundReport> {
  const { store, messenger } = deps;
  // One round covers every plan: a lead of actions in two plans is sent one form per action and
  // one list per chaser naming both, never a round per plan.
  const [{ actions, labels }, people, updates] = await Promise.all([
    everyPlansActions(store),
    store.people.list(),
    store.updates.forQuarter(quarter),
  ]);
  const updateOf = updatesByAction(updates);
  const owed = actions.filter((a) => isOwed(a, updateOf.get(actionKey(a)))).sort(byPlanAndRef);
  const { byPerson, unmatched } = assignToLeads(owed, people);
  const leads = [...byPerson.values()];
  // A round nobody could receive is not recorded, so it goes out once the directory has the leads.
  const recorded = leads.length > 0 || owed.length === 0;
  if (recorded) await recordRoundQueueing(store, quarter, plan);
  let queued = 0;
  if (plan.round === "open") {
    queued += await sendOpeningForms(deps, quarter, reviewDate, today, leads, updates, labels);
  }
  // Chasers are one short message per lead; the opening round sent each action's form already.
  const chased = plan.round === "open" ? [] : leads;
  await forEachLimited(inHundreds(chased), QUEUE_BATCHES, async (hundred) => {
    const messages = hundred.map(({ person, actions: theirs }) => ({
      key: reminderKey(quarter, plan.round, person.id),
      to: person.id,
      card: buildReminderCard({
        leadName: person.name,
        round: plan.round,
        quarter,
        reviewDate,
        actions: theirs,
        planNameOf: labels.nameOf,
      }),
      // With several plans a Ref alone may be two actions ("1.1, 1.1"): say whose.
      summary: `${quarterLabel(quarter)} review: please update ${listRefs(theirs.map((a) => refInPlan(a, labels)))} by ${formatLongDate(reviewDate)}.`,
    }));
    const results = await messenger.sendMany(messages);
    queued += results.filter((result) => result.queued).length;
  });
  let dmtMembers = 0;
  if (plan.round === "final") {
    const status = reviewStatus({
      quarter,
      reviewDate,
      review: null,
      actions,
      people,
      updates,
      planNameOf: labels.nameOf,
    });
    const card = buildDmtOutstandingCard(
      dmtOutstandingInput(status, today, deps.config.REVIEW_TIMEZONE),
    );
    const dmt = people.filter((p) => hasRole(p, "dmt"));
    dmtMembers = dmt.length;
    const summary = `${quarterLabel(quarter)} review on ${formatLongDate(reviewDate)}: ${countOf(refCount(owedGroups(status)), "action")} still to update.`;
    const results = await messenger.sendMany(
      dmt.map((person) => ({
        key: `review:${quarter}:final:dmt:${person.id}`,
        to: person.id,
        card,
        summary,
      })),
    );
    queued += results.filter((result) => result.queued).length;
  }
  if (recorded) await recordRoundsSent(store, quarter, plan.covers, deps.clock);
  const report: RoundReport = {
    quarter,
    round: plan.round,
    leads: leads.length,
    actions: owed.length - unmatched.length,
    queued,
    withoutLead: unmatched.length,
    dmtMembers,
    recorded,
  };
  deps.logger.info("review round sent", { ...report });
  return report;
}

/** "CSC-01, CSC-02 and 8 more": a notification line stays short. */
function listRefs(refs: readonly string[]): string {
  if (refs.length <= 5) return refs.join(", ");
  return `${refs.slice(0, 4).join(", ")} and ${refs.length - 4} more`;
}
