import { basename, extname } from "node:path";
import { DomainError } from "../domain/errors.ts";
import { DEFAULT_PLAN_ID, type Plan } from "../domain/plan.ts";
import { findPlanByName, planIdFor } from "../domain/plan-names.ts";
import type { Store } from "../store/store.ts";
import { type ListedPlan, listPlans, planNamesText } from "./plan-list.ts";

/** The plan an import writes to; `isNew` when this import creates it. */
export interface ImportTarget {
  plan: Plan;
  isNew: boolean;
}

/**
 * Which plan an import goes into. `--plan NAME` names it (created when new). Without it, a store
 * with one plan uses that plan, an empty store gets a plan named after the file, and a store with
 * several stops and names them: guessing would put a council's actions into the wrong plan.
 */
export async function choosePlanForImport(
  store: Store,
  name: string | undefined,
  file: string,
): Promise<ImportTarget> {
  const plans = await listPlans(store);
  if (name !== undefined) {
    const wanted = name.trim();
    if (!wanted) throw new DomainError("invalid_input", 'Give the plan a name: --plan "SEND plan"');
    const found = findPlanByName(
      plans.map((p) => p.plan),
      wanted,
    );
    return found ? { plan: found, isNew: false } : { plan: newPlan(plans, wanted), isNew: true };
  }
  const [only, ...others] = plans;
  if (only && others.length === 0) return { plan: only.plan, isNew: false };
  if (!only) return { plan: newPlan(plans, nameFromFile(file)), isNew: true };
  throw new DomainError(
    "invalid_input",
    `The store holds ${plans.length} plans (${planNamesText(plans)}): say which one with --plan "NAME", or give a new name to add a plan.`,
  );
}

/**
 * The plans a file's Plan column names, in the order given: each found as `--plan` finds it, or a
 * new plan (several new ones get ids apart from each other and from the store's).
 */
export async function choosePlansByName(
  store: Store,
  names: readonly string[],
): Promise<ImportTarget[]> {
  const plans = await listPlans(store);
  const known = [...plans];
  return names.map((name) => {
    const found = findPlanByName(
      known.map((p) => p.plan),
      name,
    );
    if (found) return { plan: found, isNew: !plans.some((p) => p.plan === found) };
    const plan = newPlan(known, name.trim());
    known.push({ plan, actions: 0, stored: false });
    return { plan, isNew: true };
  });
}

/**
 * The plans an export or report covers: the one named, the only one, or (without `--plan`) all.
 * An unknown name stops with the names there are.
 */
export async function choosePlansToRead(
  store: Store,
  name: string | undefined,
): Promise<ListedPlan[]> {
  const plans = await listPlans(store);
  if (name === undefined) return plans;
  const found = plans.find((p) => nameMatches(p, name));
  if (found) return [found];
  throw unknownPlan(name, plans);
}

/** One plan by name, for the commands that change a plan. */
export async function findPlan(store: Store, name: string): Promise<ListedPlan> {
  const plans = await listPlans(store);
  const found = plans.find((p) => nameMatches(p, name));
  if (!found) throw unknownPlan(name, plans);
  return found;
}

function nameMatches(listed: ListedPlan, name: string): boolean {
  return findPlanByName([listed.plan], name) !== undefined;
}

function unknownPlan(name: string, plans: readonly ListedPlan[]): DomainError {
  return new DomainError(
    "not_found",
    plans.length === 0
      ? `There is no plan "${name}": the store holds no plan yet. Import one with plan-tracker import FILE --plan "${name}".`
      : `There is no plan "${name}": the plans are ${planNamesText(plans)} (see plan-tracker plans).`,
  );
}

/** A store's first plan takes the id the chat and the tab read; later ones an id from the name. */
function newPlan(plans: readonly ListedPlan[], name: string): Plan {
  const taken = new Set(plans.map((p) => p.plan.id));
  const id = taken.size === 0 ? DEFAULT_PLAN_ID : planIdFor(name, taken);
  return { id, name, priorities: [] };
}

/** "send-plan_2024.xlsx" → "send plan 2024": an empty store's first plan is named after its file. */
function nameFromFile(file: string): string {
  const name = basename(file, extname(file)).replace(/[_-]+/g, " ").trim();
  return name || "Plan";
}
