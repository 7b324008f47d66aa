import { type Action, ActionSchema } from "../domain/action.ts";
import { actionDocumentId } from "../domain/document-id.ts";
import type { Actor } from "./audit-log.ts";
import type { ChangeVersions } from "./change-versions.ts";
import type { DocumentRepo, Versioned } from "./document-repo.ts";
import { paged } from "./query-pages.ts";
import { VersionedCache } from "./versioned-cache.ts";

/**
 * Actions of a plan, keyed by Ref, partitioned by plan. Each submit and decision reads its action;
 * with the store in this process that read is remembered until an action changes.
 */
export class ActionsRepo {
  private readonly cache: VersionedCache;

  constructor(
    readonly docs: DocumentRepo<Action>,
    versions?: ChangeVersions,
  ) {
    this.cache = new VersionedCache(versions, docs.container.id);
  }

  /** The plan's actions. The plan is always named: two plans may each have an action 1.1. */
  list(planId: string): Promise<Action[]> {
    // The WHERE is not redundant: the embedded server ignores the partition key on queries.
    return this.docs.query(
      {
        query: "SELECT * FROM c WHERE c.planId = @planId",
        parameters: [{ name: "@planId", value: planId }],
      },
      planId,
    );
  }

  get(ref: string, planId: string): Promise<Versioned<Action> | null> {
    // The ETag comes with it: remembered only while no action changed, it is still the current one.
    return this.cache.get(`${planId}\u0000${ref}`, () =>
      this.docs.read(actionDocumentId(ref), planId),
    );
  }

  save(action: Action, actor: Actor, before: Action | null): Promise<Versioned<Action>> {
    return this.docs.upsert(action, actor, before);
  }

  /**
   * `save` for a whole file of actions, as one import run: a few requests per hundred actions
   * instead of two each (see `DocumentRepo.upsertMany` for how each keeps its audit entry).
   */
  saveMany(
    writes: readonly { action: Action; before: Action | null }[],
    actor: Actor,
    run: { id: string; onSaved?: (count: number) => void },
  ): Promise<void> {
    return this.docs.upsertMany(
      writes.map(({ action, before }) => ({ doc: action, before })),
      actor,
      run,
    );
  }

  /** Conditional write for changes made from a decision (the official RAG, a revised date). */
  replace(action: Action, etag: string, actor: Actor, before: Action): Promise<Versioned<Action>> {
    return this.docs.replace(action, etag, actor, before);
  }

  async count(planId: string): Promise<number> {
    const { resources } = await this.docs.container.items
      .query<number>(
        {
          query: "SELECT VALUE COUNT(1) FROM c WHERE c.planId = @planId",
          parameters: [{ name: "@planId", value: planId }],
        },
        { partitionKey: planId },
      )
      .fetchAll();
    return resources[0] ?? 0;
  }

  /**
   * How many actions each plan holds, by plan id (one cross-plan read of ids only; remembered,
   * like `get`, until an action changes).
   */
  countByPlan(): Promise<Map<string, number>> {
    return this.cache.get("\u0000plans' action counts", () => this.readCountByPlan());
  }

  /** Whether any plan holds an action: one document read, not a count of them all. */
  async hasAny(): Promise<boolean> {
    const { resources } = await this.docs.container.items
      .query<string>("SELECT TOP 1 VALUE c.id FROM c")
      .fetchAll();
    return resources.length > 0;
  }

  private async readCountByPlan(): Promise<Map<string, number>> {
    const { resources } = await this.docs.container.items
      .query<string>("SELECT VALUE c.planId FROM c", paged())
      .fetchAll();
    const counts = new Map<string, number>();
    for (const planId of resources) counts.set(planId, (counts.get(planId) ?? 0) + 1);
    return counts;
  }

  /** Removes one action, with its audit entry (removing a plan removes its actions one by one). */
  remove(action: Action, actor: Actor): Promise<void> {
    return this.docs.delete(action, actor);
  }
}

export function describeActionChange(before: Action | null, after: Action | null): string {
  if (!before && after) return `Action ${after.ref} added`;
  if (before && !after) return `Action ${before.ref} removed`;
  if (!before || !after) return "Action changed";
  const changes: string[] = [];
  if (before.rag !== after.rag)
    changes.push(`RAG ${before.rag ?? "none"} → ${after.rag ?? "none"}`);
  if (before.completionDate.due !== after.completionDate.due) {
    changes.push(`completion date ${before.completionDate.text} → ${after.completionDate.text}`);
  }
  if (before.signedOff !== after.signedOff && after.signedOff) changes.push("signed off complete");
  if (before.lead !== after.lead) changes.push(`lead ${before.lead} → ${after.lead}`);
  return changes.length ? `${after.ref}: ${changes.join("; ")}` : `${after.ref} updated`;
}

export const actionRepoOptions = {
  schema: ActionSchema,
  kind: "action",
  idOf: (a: Action) => actionDocumentId(a.ref),
  partitionOf: (a: Action) => a.planId,
  describe: describeActionChange,
};
