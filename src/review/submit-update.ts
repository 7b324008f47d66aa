import { formatDateTime } from "../cards/date-time-text.ts";
import type { UpdateFormDraft, UpdateFormErrors } from "../cards/update-form-fields.ts";
import { UPDATE_FORM_FIELDS } from "../cards/update-form-fields.ts";
import type { Action } from "../domain/action.ts";
import { todayIn } from "../domain/calendar.ts";
import { isDomainError } from "../domain/errors.ts";
import { requireCapability } from "../domain/permissions.ts";
import type { Update } from "../domain/update.ts";
import type { FeatureDeps } from "../feature-deps.ts";
import type { Card, CardActionTurn } from "../messaging.ts";
import type { ActionCache } from "./action-cache.ts";
import { missingActionCard } from "./notices.ts";
import { noReviewForLeadCard, reviewExists } from "./review-exists.ts";
import type { ReviewHooks } from "./review-hooks.ts";
import { saveUpdate, startReadingUpdate } from "./save-update.ts";
import { type FormRequest, submittedCard, updateForm } from "./update-cards.ts";
import { checkSubmission } from "./update-validation.ts";

export const STORE_DOWN_BANNER =
  "Couldn't save \u2014 please press Submit again. Your text is still in the form.";

const formFieldErrors = (errors: Record<string, string>): UpdateFormErrors =>
  Object.fromEntries(UPDATE_FORM_FIELDS.filter((f) => errors[f]).map((f) => [f, errors[f]]));

/**
 * A lead pressed Submit on an update form. Only a lead of the action may submit, whatever the
 * payload says; every problem answers with the same form, the person's text still in it and the
 * message under the field; a replay stores nothing twice; an update changed elsewhere is not
 * overwritten silently; a store that does not answer gets "press Submit again", text kept.
 */
export async function submitUpdate(
  deps: FeatureDeps,
  hooks: ReviewHooks,
  cache: ActionCache,
  turn: CardActionTurn<"submitUpdate">,
): Promise<Card> {
  const { form, ...where } = turn.data;
  const typed: UpdateFormDraft = form.ok ? form.values : form.typed;
  let action: Action | null | undefined;
  const formAgain = (extra: { errors?: UpdateFormErrors; banner?: string; revision?: number }) =>
    formOrOffline(deps, {
      action: action as Action,
      quarter: where.quarter,
      person: turn.person,
      draft: typed,
      revision: extra.revision ?? where.revision,
      errors: extra.errors,
      banner: extra.banner,
    });
  try {
    // The update's read goes alongside the action's: each is a store round trip, and the lead is
    // waiting. If the submit is refused, the read is simply not used.
    const updateRead = startReadingUpdate(deps.store, where.quarter, where.ref, where.planId);
    action = await cache.get(deps.store, where.ref, where.planId);
    if (!action) return missingActionCard(where.ref);
    requireCapability(turn.person, "submitUpdate", action);
    if (!(await reviewExists(deps, where.quarter)))
      return noReviewForLeadCard(where.quarter, "saved");
    if (!form.ok) {
      const errors = formFieldErrors(form.fieldErrors);
      return formAgain({
        errors,
        banner: Object.keys(errors).length > 0 ? undefined : form.message,
      });
    }
    const today = todayIn(deps.config.REVIEW_TIMEZONE, deps.clock.now());
    const checked = checkSubmission({ ...where, ...form.values }, action, today);
    if (!checked.ok) return formAgain({ errors: checked.errors });
    const outcome = await saveUpdate(
      deps.store,
      action,
      turn.person,
      checked.value,
      deps.clock.now(),
      updateRead,
    );
    switch (outcome.kind) {
      case "saved":
        await notifySignOff(deps, hooks, outcome.update, action, turn);
        return submittedCard(deps, action, outcome.update, turn.person);
      case "same":
        return submittedCard(deps, action, outcome.update, turn.person);
      case "decided":
        return submittedCard(
          deps,
          action,
          outcome.update,
          turn.person,
          approvedNote(outcome.update, checked.value.progress, deps.config.REVIEW_TIMEZONE),
        );
      case "stale":
        return formAgain({
          banner: staleBanner(outcome.update, deps.config.REVIEW_TIMEZONE),
          revision: outcome.update.revision,
        });
    }
  } catch (error) {
    if (isDomainError(error) && error.code === "store_unavailable") {
      action ??= cache.recall(where.ref, where.planId);
      if (action) return formAgain({ banner: STORE_DOWN_BANNER });
    }
    throw error;
  }
}

/** The form again; when the store stops answering meanwhile, without the look-ups it needs. */
async function formOrOffline(deps: FeatureDeps, request: FormRequest): Promise<Card> {
  try {
    return await updateForm(deps, request);
  } catch (error) {
    if (!(isDomainError(error) && error.code === "store_unavailable")) throw error;
    return updateForm(deps, { ...request, offline: true, banner: STORE_DOWN_BANNER });
  }
}

/** Sign-off sends or refreshes DMT's cards; the update is saved either way, so a failure there is logged. */
async function notifySignOff(
  deps: FeatureDeps,
  hooks: ReviewHooks,
  update: Update,
  action: Action,
  turn: CardActionTurn,
): Promise<void> {
  try {
    await hooks.onSubmitted(update, action, turn.person);
  } catch (error) {
    deps.logger.error("sign-off could not be told about an update", {
      ref: action.ref,
      quarter: update.quarter,
      error: String(error),
    });
  }
}

/** When what was typed cannot be saved, it is shown back so it can be copied. */
function approvedNote(update: Update, typed: string, timeZone: string): string {
  const when = update.decision ? ` on ${formatDateTime(update.decision.at, timeZone)}` : "";
  const by = update.decision ? ` by ${update.decision.byName}` : "";
  return `This update was approved${by}${when}, so it can't be changed now. What you just typed was not saved; copy it into next quarter's update if you need it: \u201c${typed}\u201d`;
}

function staleBanner(update: Update, timeZone: string): string {
  const excerpt =
    update.progress.length > 200 ? `${update.progress.slice(0, 199)}\u2026` : update.progress;
  return (
    `This update was changed elsewhere since this form was opened: ${update.authorName} sent it on ${formatDateTime(update.submittedAt, timeZone)}, ` +
    `proposing ${update.proposedRag}: \u201c${excerpt}\u201d. Your text is below and has not been saved. Check it, then press Submit again to replace the saved version.`
  );
}
