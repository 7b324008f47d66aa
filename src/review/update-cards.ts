import { formatInstantDate } from "../cards/date-time-text.ts";
import { buildUpdateFormCard } from "../cards/update-form-card.ts";
import type { UpdateFormDraft, UpdateFormErrors } from "../cards/update-form-fields.ts";
import { buildUpdateSubmittedCard } from "../cards/update-submitted-card.ts";
import type { Action } from "../domain/action.ts";
import { todayIn } from "../domain/calendar.ts";
import type { Person } from "../domain/person.ts";
import type { Quarter } from "../domain/quarter.ts";
import { suggestRag } from "../domain/rag-rules.ts";
import type { Update } from "../domain/update.ts";
import type { FeatureDeps } from "../feature-deps.ts";
import type { Card } from "../messaging.ts";
import { planLabels } from "./every-plan.ts";

export type CardDeps = Pick<FeatureDeps, "store" | "messenger" | "clock" | "config">;

export interface FormRequest {
  action: Action;
  quarter: Quarter;
  /** Whose copy this is: their Teams id goes in the card's `refresh`. */
  person: Person;
  draft?: UpdateFormDraft;
  errors?: UpdateFormErrors;
  banner?: string;
  /** The stored update's revision the form starts from (0 when none is stored). */
  revision: number;
  /** Skip the look-ups (last approved update, Teams id) when the store is not answering. */
  offline?: boolean;
}

/** The most recent approved update before `quarter`: where the lead left off. */
export async function lastApprovedBefore(
  deps: CardDeps,
  action: Pick<Action, "ref" | "planId">,
  quarter: Quarter,
): Promise<Update | null> {
  const history = await deps.store.updates.forAction(action.ref, action.planId);
  return history.filter((u) => u.state === "approved" && u.quarter < quarter).at(-1) ?? null;
}

/** Refresh the card for its lead only (others who see it keep what they see). */
export async function refreshUserIdsFor(
  deps: CardDeps,
  person: Person,
): Promise<string[] | undefined> {
  const teamsId = await deps.messenger.teamsUserIdOf(person.id);
  return teamsId ? [teamsId] : undefined;
}

/** The update form, with the plan key's suggested rating and last quarter's approved update. */
export async function updateForm(deps: CardDeps, request: FormRequest): Promise<Card> {
  const timeZone = deps.config.REVIEW_TIMEZONE;
  const today = todayIn(timeZone, deps.clock.now());
  const [lastApproved, refreshUserIds, labels] = request.offline
    ? [null, undefined, undefined]
    : await Promise.all([
        lastApprovedBefore(deps, request.action, request.quarter),
        refreshUserIdsFor(deps, request.person),
        planLabels(deps.store),
      ]);
  return buildUpdateFormCard({
    action: request.action,
    planName: labels?.nameOf(request.action.planId),
    quarter: request.quarter,
    suggestion: suggestRag(request.action, today),
    lastApproved,
    draft: request.draft,
    errors: request.errors,
    banner: request.banner,
    revision: request.revision,
    refreshUserIds,
    timeZone,
  });
}

export async function submittedCard(
  deps: CardDeps,
  action: Action,
  update: Update,
  person: Person,
  note?: string,
): Promise<Card> {
  const [refreshUserIds, labels] = await Promise.all([
    refreshUserIdsFor(deps, person),
    planLabels(deps.store),
  ]);
  return buildUpdateSubmittedCard({
    action,
    update,
    planName: labels.nameOf(action.planId),
    note,
    refreshUserIds,
    timeZone: deps.config.REVIEW_TIMEZONE,
  });
}

/** What was sent, as form values, for editing it. */
export function draftOf(update: Update): UpdateFormDraft {
  return {
    progress: update.progress,
    difference: update.difference ?? "",
    nextSteps: update.nextSteps ?? "",
    proposedRag: update.proposedRag,
    revisedDate: update.revisedDate,
    revisedDateReason: update.revisedDateReason,
    evidenceUrl: update.evidenceUrl,
    proposeCompletion: update.proposeCompletion,
    ragJustification: update.ragJustification,
  };
}

/** "Returned by Sam Patel on 3 December 2026: please add the audit figures". */
export function returnedBanner(update: Update, timeZone: string): string | undefined {
  const decision = update.decision;
  if (decision?.outcome !== "returned") return undefined;
  const comment = decision.comment.trim();
  return `Returned by ${decision.byName} on ${formatInstantDate(decision.at, timeZone)}${comment ? `: ${comment}` : ""}. Please revise and submit again.`;
}

/**
 * The card that shows where an action's update stands for its lead: the form when nothing is sent
 * (or DMT returned it, pre-filled with what was sent), else the read-only submitted card.
 */
export async function currentUpdateCard(
  deps: CardDeps,
  action: Action,
  quarter: Quarter,
  person: Person,
  update: Update | null,
): Promise<Card> {
  if (!update) return updateForm(deps, { action, quarter, person, revision: 0 });
  if (update.state === "returned") {
    return updateForm(deps, {
      action,
      quarter,
      person,
      draft: draftOf(update),
      banner: returnedBanner(update, deps.config.REVIEW_TIMEZONE),
      revision: update.revision,
    });
  }
  return submittedCard(deps, action, update, person);
}
