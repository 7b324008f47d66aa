import { type Plan, PlanSchema } from "../domain/plan.ts";
import type { Actor } from "./audit-log.ts";
import type { DocumentRepo, Versioned } from "./document-repo.ts";

export class PlansRepo {
  constructor(readonly docs: DocumentRepo<Plan>) {}

  get(id: string): Promise<Versioned<Plan> | null> {
    return this.docs.read(id, id);
  }

  save(plan: Plan, actor: Actor, before: Plan | null): Promise<Versioned<Plan>> {
    return this.docs.upsert(plan, actor, before);
  }
}

export const planRepoOptions = {
  schema: PlanSchema,
  kind: "plan",
  idOf: (p: Plan) => p.id,
  partitionOf: (p: Plan) => p.id,
};
