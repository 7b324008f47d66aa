import { buildUpdateFormCard } from "../cards/update-form-card.ts";
import type { Action } from "../domain/action.ts";
import { quarterLabel } from "../domain/calendar.ts";
import { formatLongDate, type IsoDate } from "../domain/iso-date.ts";
import type { Person } from "../domain/person.ts";
import { actionKey, quarterOfPlan } from "../domain/plan-ref.ts";
import type { Quarter } from "../domain/quarter.ts";
import { suggestRag } from "../domain/rag-rules.ts";
import { type Update, updatesByAction } from "../domain/update.ts";
import type { FeatureDeps } from "../feature-deps.ts";
import { forEachLimited } from "../for-each-limited.ts";
import { type PlanLabels, refInPlan } from "./every-plan.ts";
import { inHundreds, QUEUE_BATCHES } from "./run-limited.ts";
import { draftOf, returnedBanner } from "./update-cards.ts";

/** The idempotency key of an action's opening form: one per quarter, plan, action and person. */
export const openingFormKey = (
  quarter: Quarter,
  action: { ref: string; planId: string },
  personId: string,
): string => `review:${quarterOfPlan(quarter, action.planId)}:open:${action.ref}:${personId}`;

/**
 * The review opens with each lead's update forms, one message per action (the plan's own "update
 * form, one per action"): a lead answers each in the chat, and each is replaced by its read-only
 * card once submitted. Last quarter's approved updates are read once for the whole round.
 */
export async function sendOpeningForms(
  deps: Pick<FeatureDeps, "store" | "messenger" | "config">,
  quarter: Quarter,
  reviewDate: IsoDate,
  today: IsoDate,
  leads: { person: Person; actions: Action[] }[],
  thisQuarter: Update[],
  /** How to name each action's plan; without it, no plan is named (as with one plan). */
  labels?: PlanLabels,
): Promise<number> {
  const earlier = (await deps.store.updates.all()).filter(
    (u) => u.state === "approved" && u.quarter < quarter,
  );
  // Oldest first, so each action's latest approval is the one kept.
  const lastApproved = updatesByAction(earlier.sort((a, b) => a.quarter.localeCompare(b.quarter)));
  const returned = updatesByAction(thisQuarter.filter((u) => u.state === "returned"));
  const timeZone = deps.config.REVIEW_TIMEZONE;
  const forms = interleaved(leads);
  // A lead's Teams id (for the cards' refresh) is looked up once, not once per form.
  const teamsIds = new Map<string, Promise<string | undefined>>();
  const teamsIdOf = (person: Person) => {
    const known = teamsIds.get(person.id);
    if (known) return known;
    const found = deps.messenger.teamsUserIdOf(person.id);
    teamsIds.set(person.id, found);
    return found;
  };
  const formFor = async ({ person, action }: { person: Person; action: Action }) => {
    const teamsId = await teamsIdOf(person);
    const sentBack = returned.get(actionKey(action));
    const card = buildUpdateFormCard({
      action,
      quarter,
      suggestion: suggestRag(action, today),
      lastApproved: lastApproved.get(actionKey(action)) ?? null,
      planName: labels?.nameOf(action.planId),
      draft: sentBack ? draftOf(sentBack) : undefined,
      banner: sentBack ? returnedBanner(sentBack, timeZone) : undefined,
      revision: sentBack?.revision ?? 0,
      refreshUserIds: teamsId ? [teamsId] : undefined,
      timeZone,
    });
    return {
      key: openingFormKey(quarter, action, person.id),
      to: person.id,
      card,
      summary: `${quarterLabel(quarter)} review: please update ${refInPlan(action, labels)} by ${formatLongDate(reviewDate)}.`,
    };
  };
  // Queued a hundred at a time (one store request each), a few hundreds at once; the cards of a
  // hundred are built just before, so a large round never holds every card in memory at once.
  let queued = 0;
  await forEachLimited(inHundreds(forms), QUEUE_BATCHES, async (hundred) => {
    const messages = await Promise.all(hundred.map(formFor));
    const results = await deps.messenger.sendMany(messages);
    queued += results.filter((result) => result.queued).length;
  });
  return queued;
}

/**
 * Every lead's first form, then every lead's second, and so on (each lead's in plan order). The
 * outbox is sent oldest first and a chat takes only a few messages a second, so queued lead by
 * lead, ten forms to one chat would hold up the next lead's; spread out, every chat is being sent
 * to at once and each lead's first form arrives within seconds.
 */
export function interleaved(
  leads: readonly { person: Person; actions: readonly Action[] }[],
): { person: Person; action: Action }[] {
  const forms: { person: Person; action: Action }[] = [];
  const longest = leads.reduce((most, lead) => Math.max(most, lead.actions.length), 0);
  for (let i = 0; i < longest; i++) {
    for (const { person, actions } of leads) {
      const action = actions[i];
      if (action) forms.push({ person, action });
    }
  }
  return forms;
}
