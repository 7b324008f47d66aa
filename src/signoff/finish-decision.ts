import type { Action } from "../domain/action.ts";
import type { Update } from "../domain/update.ts";
import { updatePlanId } from "../domain/update.ts";
import type { FeatureDeps } from "../feature-deps.ts";
import { applyApproval, applyIfUnapplied } from "./apply-approval.ts";
import { redrawSignOffCards } from "./dmt-cards.ts";
import { notifyLead } from "./notify-lead.ts";

/**
 * Everything that follows a recorded decision, each step idempotent: the approval applied to the
 * action, every DMT member's copy redrawn, the lead told once. The decision is already safe in the
 * store, so a failure here is logged and left to the repair (next press or daily run) rather than
 * shown to the DMT member as if their decision had failed. Returns the action as it now stands.
 */
export async function finishDecision(
  deps: FeatureDeps,
  update: Update,
  action: Action,
): Promise<Action> {
  let current = action;
  const step = async (name: string, run: () => Promise<void>) => {
    try {
      await run();
    } catch (error) {
      deps.logger.error(`sign-off: ${name} failed after the decision was recorded`, {
        ref: update.ref,
        quarter: update.quarter,
        error: String(error),
      });
    }
  };
  if (update.decision?.outcome === "approved") {
    await step("applying the approval", async () => {
      current = (await applyApproval(deps, update)).action ?? current;
    });
  }
  await step("redrawing the DMT cards", () => redrawSignOffCards(deps, update, current));
  await step("telling the lead", () => notifyLead(deps, update, current));
  return current;
}

/**
 * How long after a decision the repair still makes sure the lead was told. Older outcomes are
 * left alone: the message log may no longer hold their keys, and a months-late outcome helps nobody.
 */
const NOTIFY_REPAIR_DAYS = 14;

/**
 * The repair for a decision whose follow-up a crash cut short: applies an approval the action
 * still lacks (only if nothing changed the action since) and makes sure the lead was told.
 */
export async function repairDecision(deps: FeatureDeps, update: Update): Promise<void> {
  const decision = update.decision;
  if (!decision) return;
  await applyIfUnapplied(deps, update);
  const age = deps.clock.now().getTime() - Date.parse(decision.at);
  if (age > NOTIFY_REPAIR_DAYS * 24 * 60 * 60 * 1000) return;
  const found = await deps.store.actions.get(update.ref, updatePlanId(update));
  if (found) await notifyLead(deps, update, found.doc);
}
