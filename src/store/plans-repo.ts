import { type Plan, PlanSchema } from "../domain/plan.ts";
import type { Actor } from "./audit-log.ts";
import type { DocumentRepo, Versioned } from "./document-repo.ts";

export class PlansRepo {
  constructor(readonly docs: DocumentRepo<Plan>) {}

  get(id: string): Promise<Versioned<Plan> | null> {
    return this.docs.read(id, id);
  }

  /** Every plan document (a handful per council), across partitions. */
  list(): Promise<Plan[]> {
    return this.docs.query("SELECT * FROM c");
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
