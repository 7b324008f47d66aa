import { type Plan, PlanSchema } from "../domain/plan.ts";
import type { Actor } from "./audit-log.ts";
import type { ChangeVersions } from "./change-versions.ts";
import type { DocumentRepo, Versioned } from "./document-repo.ts";
import { VersionedCache } from "./versioned-cache.ts";

/**
 * The plan documents. Cards name an action's plan when there are several, so a submit or a decision
 * lists them; with the store in this process that list is remembered until a plan changes.
 */
export class PlansRepo {
  private readonly cache: VersionedCache;

  constructor(
    readonly docs: DocumentRepo<Plan>,
    versions?: ChangeVersions,
  ) {
    this.cache = new VersionedCache(versions, docs.container.id);
  }

  get(id: string): Promise<Versioned<Plan> | null> {
    return this.docs.read(id, id);
  }

  /** Every plan document (a handful per council), across partitions. */
  list(): Promise<Plan[]> {
    return this.cache.get("every plan", () => this.docs.query("SELECT * FROM c"));
  }

  save(plan: Plan, actor: Actor, before: Plan | null): Promise<Versioned<Plan>> {
    return this.docs.upsert(plan, actor, before);
  }

  /** Conditional write: a rename or new priorities never overwrite a change made meanwhile. */
  replace(plan: Plan, etag: string, actor: Actor, before: Plan): Promise<Versioned<Plan>> {
    return this.docs.replace(plan, etag, actor, before);
  }

  remove(plan: Plan, actor: Actor): Promise<void> {
    return this.docs.delete(plan, actor);
  }
}

export function describePlanChange(before: Plan | null, after: Plan | null): string {
  if (!before && after) return `Plan "${after.name}" created`;
  if (before && !after) return `Plan "${before.name}" removed`;
  if (!before || !after) return "Plan changed";
  const changes: string[] = [];
  if (before.name !== after.name) changes.push(`renamed "${before.name}" → "${after.name}"`);
  const list = (p: Plan) => p.priorities.map((x) => `${x.number} ${x.name}`).join("; ");
  if (list(before) !== list(after)) changes.push(`priorities [${list(before)}] → [${list(after)}]`);
  return `Plan "${after.name}": ${changes.join(", ") || "updated"}`;
}

export const planRepoOptions = {
  schema: PlanSchema,
  kind: "plan",
  idOf: (p: Plan) => p.id,
  partitionOf: (p: Plan) => p.id,
  describe: describePlanChange,
};
