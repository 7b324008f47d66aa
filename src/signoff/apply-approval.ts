import type { Action } from "../domain/action.ts";
import {
  approvalChanges,
  approvalNeedsApplying,
  approvedAction,
} from "../domain/decision-rules.ts";
import { actionDocumentId } from "../domain/document-id.ts";
import { DomainError, isDomainError } from "../domain/errors.ts";
import type { Update } from "../domain/update.ts";
import { updatePlanId } from "../domain/update.ts";
import type { FeatureDeps } from "../feature-deps.ts";
import type { Actor } from "../store/audit-log.ts";

/** Conditional writes lose to a concurrent writer at most this often before we give up. */
const ATTEMPTS = 5;

/** The DMT member whose approval changes the action: the audit log names them, whoever writes it. */
export function deciderOf(update: Update): Actor {
  return { id: update.decision?.by ?? "system", name: update.decision?.byName ?? "Plan Tracker" };
}

export interface AppliedApproval {
  action: Action | null;
  /** False when the action already showed the approval (nothing was written). */
  wrote: boolean;
}

/**
 * Makes an approved update official on its action (RAG, revised date, completion). Idempotent:
 * when the action already shows the approval nothing is written. Each write is conditional on the
 * action's ETag, so an import or another approval landing at the same moment is re-read, not lost.
 */
export async function applyApproval(deps: FeatureDeps, update: Update): Promise<AppliedApproval> {
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const found = await deps.store.actions.get(update.ref, updatePlanId(update));
    if (!found) return { action: null, wrote: false };
    if (!approvalChanges(found.doc, update)) return { action: found.doc, wrote: false };
    try {
      const next = approvedAction(found.doc, update);
      const saved = await deps.store.actions.replace(
        next,
        found.etag,
        deciderOf(update),
        found.doc,
      );
      return { action: saved.doc, wrote: true };
    } catch (error) {
      if (!(isDomainError(error) && error.code === "conflict")) throw error;
    }
  }
  throw new DomainError(
    "conflict",
    `${update.ref} kept changing while an approval was applied to it. The approval is recorded and will be applied on the next daily run.`,
  );
}

/**
 * Applies an approval that a crash left unapplied (the decision was written, the action was not):
 * only when the action still lacks it and has not changed since the decision, so an import or a
 * later approval is never undone. Returns whether it wrote.
 */
export async function applyIfUnapplied(deps: FeatureDeps, update: Update): Promise<boolean> {
  if (update.decision?.outcome !== "approved") return false;
  const found = await deps.store.actions.get(update.ref, updatePlanId(update));
  if (!found || !approvalChanges(found.doc, update)) return false;
  const history = await deps.store.audit.history(`action:${actionDocumentId(update.ref)}`);
  if (
    !approvalNeedsApplying(
      found.doc,
      update,
      history.map((entry) => entry.at),
    )
  )
    return false;
  const { wrote } = await applyApproval(deps, update);
  if (wrote)
    deps.logger.warn("applied an approval left unapplied", {
      ref: update.ref,
      quarter: update.quarter,
    });
  return wrote;
}
