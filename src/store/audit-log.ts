import { randomUUID } from "node:crypto";
import type { Container } from "@azure/cosmos";
import { forEachLimited } from "../for-each-limited.ts";
import { createInOneBulk, isWritten } from "./bulk-create.ts";
import { requestSizedGroups } from "./bulk-requests.ts";
import { cosmosStatus, translateStoreError } from "./store-errors.ts";

/** Who made a change: a person's email and name, or the CLI / scheduler. */
export interface Actor {
  id: string;
  name: string;
}

export const SYSTEM_ACTOR: Actor = { id: "system", name: "Plan Tracker" };
export const CLI_ACTOR: Actor = { id: "cli", name: "plan-tracker command line" };

export interface AuditEntry {
  id: string;
  /** `kind:id`, e.g. `action:CSC-07`, the partition key: an entity's history is one partition. */
  entity: string;
  at: string;
  actor: Actor;
  operation: "create" | "replace" | "delete";
  /** A short human summary, e.g. "RAG Amber → Red". */
  summary: string;
  before: unknown;
  after: unknown;
  /** The import that made the change (see import-runs.ts), so a later import can check its entries. */
  importRun?: string;
}

/** An entry to append: `id` and `at` are given when the entry's id must be known before it is written. */
export type NewAuditEntry = Omit<AuditEntry, "id" | "at"> & { id?: string; at?: string };

/** Append-only: entries are created, never replaced or deleted. */
export class AuditLog {
  constructor(
    private readonly container: Container,
    private readonly now: () => Date,
  ) {}

  async append(entry: Omit<AuditEntry, "id" | "at">): Promise<void> {
    const full: AuditEntry = { id: randomUUID(), at: this.now().toISOString(), ...entry };
    try {
      await this.container.items.create(full);
    } catch (error) {
      translateStoreError(error, "writing the audit log");
    }
  }

  /**
   * Appends many entries (an import's) with one bulk request per hundred. Each entry without an
   * id or time is stamped as `append` stamps it. Entries the store did not acknowledge are written
   * again one by one; an entry that turns out to be there already (its bulk request landed but the
   * answer was lost, or it was recorded by someone else under the same id) is not written twice,
   * and one that still cannot be written fails the call.
   */
  async appendMany(entries: readonly NewAuditEntry[]): Promise<void> {
    const full = entries.map(
      ({ id, at, ...entry }): AuditEntry => ({
        id: id ?? randomUUID(),
        at: at ?? this.now().toISOString(),
        ...entry,
      }),
    );
    await forEachLimited(requestSizedGroups(full), 4, async (group) => {
      const statuses = await createInOneBulk(
        this.container,
        group.map((entry) => ({ document: entry, partitionKey: entry.entity })),
      );
      const missing = group.filter((_, index) => !isWritten(statuses[index] ?? null));
      await forEachLimited(missing, 8, (entry) => this.createUnlessThere(entry));
    });
  }

  /** Writes an entry whose id was fixed in advance, unless an entry with that id is there already. */
  async createUnlessThere(entry: AuditEntry): Promise<void> {
    try {
      await this.container.items.create(entry);
    } catch (error) {
      if (cosmosStatus(error) === 409) return;
      translateStoreError(error, "writing the audit log");
    }
  }

  /** The ids of every entry an import run wrote (one query across all entities). */
  async idsOfRun(run: string): Promise<Set<string>> {
    try {
      const { resources } = await this.container.items
        .query<string>({
          query: "SELECT VALUE c.id FROM c WHERE c.importRun = @run",
          parameters: [{ name: "@run", value: run }],
        })
        .fetchAll();
      return new Set(resources);
    } catch (error) {
      return translateStoreError(error, "reading the audit log");
    }
  }

  async history(entity: string): Promise<AuditEntry[]> {
    try {
      const { resources } = await this.container.items
        .query<AuditEntry>(
          {
            query: "SELECT * FROM c WHERE c.entity = @entity",
            parameters: [{ name: "@entity", value: entity }],
          },
          { partitionKey: entity },
        )
        .fetchAll();
      return resources.map(stripSystemFields).sort((a, b) => a.at.localeCompare(b.at));
    } catch (error) {
      return translateStoreError(error, "reading the audit log");
    }
  }
}

/** Cosmos adds `_rid`, `_self`, `_etag`, `_attachments`, `_ts`; domain objects never carry them. */
export function stripSystemFields<T>(doc: T): T {
  const copy = { ...(doc as Record<string, unknown>) };
  for (const key of Object.keys(copy)) if (key.startsWith("_")) delete copy[key];
  return copy as T;
}
