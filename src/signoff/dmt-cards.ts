import { buildSignOffCard, type SignOffInput } from "../cards/sign-off-card.ts";
import type { Action } from "../domain/action.ts";
import { completionSignedOff } from "../domain/decision-rules.ts";
import { CAPABILITY_ROLES, can } from "../domain/permissions.ts";
import type { Person } from "../domain/person.ts";
import type { Update } from "../domain/update.ts";
import type { FeatureDeps } from "../feature-deps.ts";
import type { Card } from "../messaging.ts";
import { planLabels } from "../review/every-plan.ts";
import type { Store } from "../store/store.ts";
import { loadCardRoundRevision } from "./card-round.ts";
import { signOffCardKey } from "./signoff-keys.ts";
import { actionTabUrl } from "./tab-links.ts";

/** Everyone who may decide sign-offs, from the directory (only they are read). */
export async function dmtMembers(store: Store): Promise<Person[]> {
  const deciders = await store.people.withAnyRole(CAPABILITY_ROLES.decideSignOff);
  return deciders.filter((person) => can(person, "decideSignOff"));
}

type CardExtras = Pick<SignOffInput, "note" | "errors" | "draftComment">;

/** Warns before a decision when completion was asked for without evidence to check. */
function completionWarning(update: Update): string | undefined {
  if (update.decision || !update.proposeCompletion || completionSignedOff(update)) return undefined;
  return "Completion was proposed without an evidence link: approving sets the RAG but does not sign the action off as complete.";
}

/** One DMT member's copy of the sign-off card, refreshing itself when they open it. */
export async function signOffCardFor(
  deps: FeatureDeps,
  personId: string,
  action: Action,
  update: Update,
  extras: CardExtras = {},
): Promise<Card> {
  const [teamsId, labels] = await Promise.all([
    deps.messenger.teamsUserIdOf(personId),
    planLabels(deps.store),
  ]);
  const note = [extras.note, completionWarning(update)].filter(Boolean).join(" ");
  return buildSignOffCard({
    action,
    update,
    planName: labels.nameOf(action.planId),
    historyUrl: actionTabUrl(deps.config, action.ref, action.planId),
    timeZone: deps.config.REVIEW_TIMEZONE,
    refreshUserIds: teamsId ? [teamsId] : undefined,
    ...extras,
    note: note || undefined,
  });
}

/** The notification text of a new card (a redrawn card makes no notification). */
function announcement(update: Update, action: Action): string {
  const rag = `${update.previousRag ?? "no rating"} \u2192 ${update.proposedRag}`;
  return `${update.authorName} sent an update on ${action.ref} for sign-off (${rag}). Approve or return it.`;
}

/**
 * Gives every DMT member the current card for an update. A member who already has this round's
 * card sees it redrawn in place (the key is already used); anyone else (a first submission, a
 * resubmission after Return, a member added since) gets a new card.
 */
export async function sendSignOffCards(
  deps: FeatureDeps,
  update: Update,
  action: Action,
): Promise<void> {
  const [round, members] = await Promise.all([
    loadCardRoundRevision(deps.store, update),
    dmtMembers(deps.store),
  ]);
  // Every member's card is queued in one request: the lead is waiting on the submit.
  const summary = announcement(update, action);
  const messages = await Promise.all(
    members.map(async (member) => ({
      key: signOffCardKey(update.quarter, action, round, member.id),
      to: member.id,
      card: await signOffCardFor(deps, member.id, action, update),
      summary,
    })),
  );
  const results = await deps.messenger.sendMany(messages);
  await Promise.all(
    messages.map(async ({ key, card }, index) => {
      if (!results[index]?.queued) await deps.messenger.update(key, card);
    }),
  );
}

/** Redraws every DMT member's copy, e.g. to show who decided and when. */
export async function redrawSignOffCards(
  deps: FeatureDeps,
  update: Update,
  action: Action,
): Promise<void> {
  const round = await loadCardRoundRevision(deps.store, update);
  for (const member of await dmtMembers(deps.store)) {
    const key = signOffCardKey(update.quarter, action, round, member.id);
    await deps.messenger.update(key, await signOffCardFor(deps, member.id, action, update));
  }
}
