import { type Update, UpdateSchema, updateId, updatePlanId } from "../domain/update.ts";
import type { Actor } from "./audit-log.ts";
import type { DocumentRepo, Versioned } from "./document-repo.ts";

/** Leads' quarterly updates: one document per action per quarter, partitioned by quarter. */
export class UpdatesRepo {
  constructor(readonly docs: DocumentRepo<Update>) {}

  /** The plan is always named: two plans may each have an update on Ref 1.1 this quarter. */
  get(quarter: string, ref: string, planId: string): Promise<Versioned<Update> | null> {
    return this.docs.read(updateId(quarter, ref, planId), quarter);
  }

  forQuarter(quarter: string): Promise<Update[]> {
    // The WHERE is not redundant: the embedded server ignores the partition key on queries.
    return this.docs.query(
      {
        query: "SELECT * FROM c WHERE c.quarter = @quarter",
        parameters: [{ name: "@quarter", value: quarter }],
      },
      quarter,
    );
  }

  /** Every quarter's update for one action of one plan, oldest first. */
  async forAction(ref: string, planId: string): Promise<Update[]> {
    const updates = await this.docs.query({
      query: "SELECT * FROM c WHERE c.ref = @ref",
      parameters: [{ name: "@ref", value: ref }],
    });
    // Filtered here, not in the query: updates stored before there were plans have no planId.
    return updates
      .filter((u) => updatePlanId(u) === planId)
      .sort((a, b) => a.quarter.localeCompare(b.quarter));
  }

  all(): Promise<Update[]> {
    return this.docs.query("SELECT * FROM c");
  }

  /** First submit of a quarter: a replayed submit gets `conflict` and stores nothing twice. */
  create(update: Update, actor: Actor): Promise<Versioned<Update>> {
    return this.docs.create(update, actor);
  }

  replace(update: Update, etag: string, actor: Actor, before: Update): Promise<Versioned<Update>> {
    return this.docs.replace(update, etag, actor, before);
  }
}

export function describeUpdateChange(before: Update | null, after: Update | null): string {
  const u = (after ?? before) as Update;
  if (!before)
    return `${u.ref} ${u.quarter}: update submitted by ${u.authorName}, proposing ${u.proposedRag}`;
  if (after?.decision && !before.decision) {
    const d = after.decision;
    return `${u.ref} ${u.quarter}: ${d.outcome} by ${d.byName}${d.comment ? ` — "${d.comment}"` : ""}`;
  }
  return `${u.ref} ${u.quarter}: update edited (revision ${after?.revision ?? "?"})`;
}

export const updateRepoOptions = {
  schema: UpdateSchema,
  kind: "update",
  idOf: (u: Update) => u.id,
  partitionOf: (u: Update) => u.quarter,
  describe: describeUpdateChange,
};
