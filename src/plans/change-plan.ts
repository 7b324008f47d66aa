import { DomainError } from "../domain/errors.ts";
import type { Plan, Priority } from "../domain/plan.ts";
import { findPlanByName } from "../domain/plan-names.ts";
import { updatePlanId } from "../domain/update.ts";
import type { Actor } from "../store/audit-log.ts";
import type { Store } from "../store/store.ts";
import { findPlan } from "./choose-plan.ts";
import { listPlans } from "./plan-list.ts";

/** Renames a plan; its id, actions and history stay as they are. */
export async function renamePlan(
  store: Store,
  name: string,
  newName: string,
  actor: Actor,
): Promise<{ before: string; after: string }> {
  const wanted = newName.trim();
  if (!wanted) throw new DomainError("invalid_input", "Give the plan's new name.");
  const { plan } = await findPlan(store, name);
  const clash = findPlanByName(
    (await listPlans(store)).map((p) => p.plan).filter((p) => p.id !== plan.id),
    wanted,
  );
  if (clash)
    throw new DomainError(
      "invalid_input",
      `There is already a plan called "${clash.name}": choose another name, or remove that plan first.`,
    );
  await savePlan(store, { ...plan, name: wanted }, actor);
  return { before: plan.name, after: wanted };
}

export interface RemovalPreview {
  plan: Plan;
  actions: number;
  updates: number;
  /** Refs whose update awaits sign-off: while there are any, the plan is not removed. */
  awaitingSignOff: string[];
}

/** What removing a plan would remove, and whether sign-off still waits on any of it. */
export async function previewRemoval(store: Store, name: string): Promise<RemovalPreview> {
  const { plan, actions } = await findPlan(store, name);
  const updates = (await store.updates.all()).filter((u) => updatePlanId(u) === plan.id);
  const awaitingSignOff = updates
    .filter((u) => u.state === "submitted")
    .map((u) => `${u.ref} (${u.quarter})`);
  return { plan, actions, updates: updates.length, awaitingSignOff };
}

/**
 * Removes a plan with its actions and their updates, each with its audit entry, then the plan
 * itself (last, so a removal that stops part-way leaves the plan listed and can be run again).
 * Refused while any of its updates awaits sign-off: DMT's decision would have nowhere to go.
 */
export async function removePlan(
  store: Store,
  name: string,
  actor: Actor,
): Promise<RemovalPreview> {
  const preview = await previewRemoval(store, name);
  if (preview.awaitingSignOff.length > 0) throw awaitingSignOff(preview);
  const { plan } = preview;
  for (const action of await store.actions.list(plan.id)) await store.actions.remove(action, actor);
  for (const update of (await store.updates.all()).filter((u) => updatePlanId(u) === plan.id))
    await store.updates.docs.delete(update, actor);
  const stored = await store.plans.get(plan.id);
  if (stored) await store.plans.remove(stored.doc, actor);
  return preview;
}

export function awaitingSignOff(preview: RemovalPreview): DomainError {
  const refs = preview.awaitingSignOff;
  return new DomainError(
    "invalid_input",
    `"${preview.plan.name}" is not removed: ${refs.length === 1 ? "an update awaits" : `${refs.length} updates await`} sign-off (${refs.slice(0, 10).join(", ")}${refs.length > 10 ? ", …" : ""}). Ask DMT to approve or return ${refs.length === 1 ? "it" : "them"} first, then remove the plan.`,
  );
}

/**
 * Sets a plan's priorities outright (from a priorities file): numbers, names and descriptions.
 * Refused when an action of the plan serves a priority the new list leaves out, so no action is
 * left pointing at nothing; rename a priority by giving its number a new name.
 */
export async function setPriorities(
  store: Store,
  name: string,
  priorities: Priority[],
  actor: Actor,
): Promise<{ plan: Plan; before: Priority[] }> {
  const { plan } = await findPlan(store, name);
  const numbers = new Set(priorities.map((p) => p.number));
  const orphaned = (await store.actions.list(plan.id)).filter((a) =>
    a.priorities.some((n) => !numbers.has(n)),
  );
  if (orphaned.length > 0) {
    const missing = [...new Set(orphaned.flatMap((a) => a.priorities))].filter(
      (n) => !numbers.has(n),
    );
    throw new DomainError(
      "invalid_input",
      `The file leaves out priorit${missing.length === 1 ? "y" : "ies"} ${missing.join(", ")}, which ${orphaned
        .map((a) => a.ref)
        .slice(0, 10)
        .join(
          ", ",
        )}${orphaned.length > 10 ? ", …" : ""} serve: keep ${missing.length === 1 ? "that number" : "those numbers"} in the file (with a new name if it is renamed).`,
    );
  }
  const next = { ...plan, priorities: [...priorities].sort((a, b) => a.number - b.number) };
  await savePlan(store, next, actor);
  return { plan: next, before: plan.priorities };
}

/** Writes a plan: conditionally over the stored document, or creates it for an upgraded store. */
async function savePlan(store: Store, plan: Plan, actor: Actor): Promise<void> {
  const stored = await store.plans.get(plan.id);
  if (stored) await store.plans.replace(plan, stored.etag, actor, stored.doc);
  else await store.plans.save(plan, actor, null);
}
