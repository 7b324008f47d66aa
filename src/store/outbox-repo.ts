import { createHash } from "node:crypto";
import type { Container, SqlQuerySpec } from "@azure/cosmos";
import { z } from "zod";
import { stripSystemFields } from "./audit-log.ts";
import { createInOneBulk, isWritten } from "./bulk-create.ts";
import { requestSizedGroups } from "./bulk-requests.ts";
import type { Versioned } from "./document-repo.ts";
import { paged } from "./query-pages.ts";
import { cosmosStatus, translateStoreError } from "./store-errors.ts";

const CardSchema = z.record(z.string(), z.unknown());

/** Which instance is working on an item, and until when its claim holds. */
export const OutboxClaimSchema = z.object({
  owner: z.string(),
  /** Host and process of the owner, so a restarted process can see its predecessor is gone. */
  host: z.string(),
  pid: z.number().int(),
  /** Epoch milliseconds; after this any instance may take the item over. */
  until: z.number(),
});
export type OutboxClaim = z.infer<typeof OutboxClaimSchema>;

export const OutboxItemSchema = z.object({
  id: z.string(),
  /** The caller's idempotency key, e.g. `review:2026-Q3:open:hos@council.gov.uk`. */
  key: z.string(),
  /** The person's directory id (lower-cased email). */
  to: z.string(),
  card: CardSchema,
  summary: z.string(),
  /** pending: not yet delivered; sent: delivered (an update may still be waiting); failed: given up. */
  state: z.enum(["pending", "sent", "failed"]),
  queuedAt: z.string(),
  /** Failed attempts of the current piece of work (delivery, or the latest card update). */
  attempts: z.number().int().nonnegative(),
  /** 429s in a row for the current piece of work: not failures, they only set the next wait. */
  throttles: z.number().int().nonnegative().default(0),
  /**
   * When a card update first failed (ISO): its deadline runs from then, as a first delivery's runs
   * from `queuedAt`. Null while nothing has failed.
   */
  failingSince: z.string().nullable().default(null),
  /** Epoch milliseconds before which the item is not retried (backoff, Retry-After). */
  notBefore: z.number(),
  claim: OutboxClaimSchema.nullable(),
  /** Goes up with every change of the card, so a send can tell whether it sent the latest. */
  cardVersion: z.number().int().nonnegative(),
  delivery: z
    .object({
      serviceUrl: z.string(),
      conversationId: z.string(),
      activityId: z.string(),
      sentAt: z.string(),
      /** The card version Teams is showing. */
      cardVersion: z.number().int().nonnegative(),
    })
    .nullable(),
  /** A replacement card waiting to be put over the delivered one. */
  pendingCard: CardSchema.nullable(),
  failure: z
    .object({ status: z.number().int().nullable(), reason: z.string(), at: z.string() })
    .nullable(),
  /** When DMT and admins were told this message was given up (ISO), so they are told once. */
  failureNoticedAt: z.string().nullable().default(null),
  /** Set when a card update could not be delivered (the original message still stands). */
  updateFailure: z
    .object({ status: z.number().int().nullable(), reason: z.string(), at: z.string() })
    .nullable(),
});
export type OutboxItem = z.infer<typeof OutboxItemSchema>;

/** The outbox id of a message key: the key itself, made safe for Cosmos. */
export const outboxId = (key: string): string => safeCosmosId(key);

/** Cosmos ids may not contain `/ \ ? #` and are at most 255 characters; this keeps them readable. */
export function safeCosmosId(key: string): string {
  const safe = key.replace(/[%/\\?#]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`);
  if (safe.length <= 200) return safe;
  return `${safe.slice(0, 120)}~${createHash("sha256").update(key).digest("hex")}`;
}

const OPEN_FILTER = 'c.state = "pending" OR (c.state = "sent" AND IS_OBJECT(c.pendingCard))';

/**
 * The durable queue of proactive messages. A message is written here before it is sent and marked
 * after, so a restart resumes where the last process stopped. Operational records, not business
 * records: writes are not audited (thousands of state changes per review would bury the audit log).
 */
export class OutboxRepo {
  constructor(readonly container: Container) {}

  /** Records a new message; false when one with the same key exists (already queued or sent). */
  async enqueue(item: OutboxItem): Promise<boolean> {
    const valid = OutboxItemSchema.parse(item);
    try {
      await this.container.items.create(valid);
      return true;
    } catch (error) {
      if (cosmosStatus(error) === 409) return false;
      return translateStoreError(error, "queueing a message");
    }
  }

  /**
   * `enqueue` for many messages, with one bulk request per hundred (each item is its own
   * partition): true for each one recorded, false where its key was already used. Whatever the
   * bulk request did not settle (throttled, failed as a whole) is recorded one by one, so a
   * message is never lost to it nor queued twice.
   */
  async enqueueMany(items: readonly OutboxItem[]): Promise<boolean[]> {
    const valid = items.map((item, index) => ({ doc: OutboxItemSchema.parse(item), index }));
    const queued: boolean[] = new Array(items.length).fill(false);
    for (const group of requestSizedGroups(valid, ({ doc }) => doc)) {
      const statuses = await createInOneBulk(
        this.container,
        group.map(({ doc }) => ({ document: doc, partitionKey: doc.id })),
      );
      for (const [k, { doc, index }] of group.entries()) {
        const status = statuses[k] ?? null;
        if (isWritten(status)) queued[index] = true;
        else if (status === 409) queued[index] = false;
        else queued[index] = await this.enqueue(doc);
      }
    }
    return queued;
  }

  async read(id: string): Promise<Versioned<OutboxItem> | null> {
    try {
      const { resource, etag } = await this.container.item(id, id).read();
      if (!resource) return null;
      return { doc: OutboxItemSchema.parse(stripSystemFields(resource)), etag };
    } catch (error) {
      if (cosmosStatus(error) === 404) return null;
      return translateStoreError(error, "reading a queued message");
    }
  }

  findByKey(key: string): Promise<Versioned<OutboxItem> | null> {
    return this.read(outboxId(key));
  }

  /** Replaces the item only if unchanged since it was read at `etag`; null when someone else won. */
  async replace(item: OutboxItem, etag: string): Promise<Versioned<OutboxItem> | null> {
    const valid = OutboxItemSchema.parse(item);
    try {
      const { resource, etag: next } = await this.container
        .item(valid.id, valid.id)
        .replace(valid, { accessCondition: { type: "IfMatch", condition: etag } });
      return { doc: OutboxItemSchema.parse(stripSystemFields(resource)), etag: next };
    } catch (error) {
      const status = cosmosStatus(error);
      if (status === 412 || status === 404) return null;
      return translateStoreError(error, "saving a queued message");
    }
  }

  /**
   * Read-modify-write that survives concurrent writers: `change` is applied to the latest version
   * until the conditional write succeeds. `change` returns null to leave the item as it is.
   */
  async mutate(
    id: string,
    change: (item: OutboxItem) => OutboxItem | null,
  ): Promise<Versioned<OutboxItem> | null> {
    for (let attempt = 0; attempt < 20; attempt++) {
      const current = await this.read(id);
      if (!current) return null;
      const next = change(structuredClone(current.doc));
      if (!next) return current;
      const saved = await this.replace(next, current.etag);
      if (saved) return saved;
    }
    throw new Error(`The queued message ${id} kept changing under us; giving up this write.`);
  }

  /**
   * The oldest items due now (not waiting out a backoff), with their ETags so they can be claimed
   * without another read. Items claimed on another machine are left out while their claim holds;
   * claims made on this machine are included so the sender can see whether their owner is alive,
   * unless `onlyFor` names a sender: then every item another sender holds is left out.
   */
  async listDue(
    nowMs: number,
    host: string,
    limit: number,
    onlyFor?: string,
  ): Promise<Versioned<OutboxItem>[]> {
    const claimable = onlyFor
      ? "NOT IS_OBJECT(c.claim) OR c.claim.until <= @now OR c.claim.owner = @owner"
      : "NOT IS_OBJECT(c.claim) OR c.claim.until <= @now OR c.claim.host = @host";
    const query = {
      query: `SELECT TOP ${Math.max(1, Math.floor(limit))} * FROM c WHERE (${OPEN_FILTER}) AND c.notBefore <= @now AND (${claimable}) ORDER BY c.queuedAt`,
      parameters: [
        { name: "@now", value: nowMs },
        onlyFor ? { name: "@owner", value: onlyFor } : { name: "@host", value: host },
      ],
    };
    const items = await this.select<Record<string, unknown> & { _etag: string }>(query);
    return items.map((item) => ({
      doc: OutboxItemSchema.parse(stripSystemFields(item)),
      etag: item._etag,
    }));
  }

  /** Open items whose claim names `owner`, with their ETags, so the claims can be handed back. */
  async listClaimedBy(owner: string): Promise<Versioned<OutboxItem>[]> {
    const items = await this.select<Record<string, unknown> & { _etag: string }>({
      query: `SELECT * FROM c WHERE (${OPEN_FILTER}) AND c.claim.owner = @owner`,
      parameters: [{ name: "@owner", value: owner }],
    });
    return items.map((item) => ({
      doc: OutboxItemSchema.parse(stripSystemFields(item)),
      etag: item._etag,
    }));
  }

  async countOpen(): Promise<number> {
    const [count] = await this.select<number>(`SELECT VALUE COUNT(1) FROM c WHERE ${OPEN_FILTER}`);
    return count ?? 0;
  }

  /** Messages Teams refused for good (blocked, uninstalled, unknown person), oldest first. */
  async listFailed(): Promise<OutboxItem[]> {
    const items = await this.select<unknown>('SELECT * FROM c WHERE c.state = "failed"');
    return items
      .map((item) => OutboxItemSchema.parse(stripSystemFields(item)))
      .sort((a, b) => a.queuedAt.localeCompare(b.queuedAt));
  }

  private async select<T>(query: string | SqlQuerySpec): Promise<T[]> {
    try {
      const { resources } = await this.container.items.query<T>(query, paged()).fetchAll();
      return resources;
    } catch (error) {
      return translateStoreError(error, "reading the message queue");
    }
  }
}
