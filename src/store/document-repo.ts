import { randomUUID } from "node:crypto";
import type { Container, SqlQuerySpec } from "@azure/cosmos";
import type { z } from "zod";
import { DomainError } from "../domain/errors.ts";
import { forEachLimited } from "../for-each-limited.ts";
import {
  type Actor,
  type AuditEntry,
  type AuditLog,
  type NewAuditEntry,
  stripSystemFields,
} from "./audit-log.ts";
import { requestSizedGroups } from "./bulk-requests.ts";
import { upsertInOneBatch } from "./bulk-upsert.ts";
import { paged } from "./query-pages.ts";
import { cosmosStatus, translateStoreError } from "./store-errors.ts";

/** A document with the ETag it was read at, for optimistic concurrency. */
export interface Versioned<T> {
  doc: T;
  etag: string;
}

interface RepoOptions<T> {
  container: Container;
  schema: z.ZodType<T>;
  /** The entity kind in audit entries and messages, e.g. "action". */
  kind: string;
  idOf: (doc: T) => string;
  partitionOf: (doc: T) => string;
  audit: AuditLog;
  describe?: (before: T | null, after: T | null) => string;
}

/**
 * Typed access to one container: every document is validated on the way in and out, every write is
 * conditional where the caller holds an ETag, and every write leaves an audit entry (before → after).
 */
export class DocumentRepo<T extends object> {
  constructor(private readonly o: RepoOptions<T>) {}

  get container(): Container {
    return this.o.container;
  }

  async read(id: string, partition: string): Promise<Versioned<T> | null> {
    // An id Cosmos could not hold (a Ref typed as "../CSC-01", an empty one) names nothing stored.
    if (!isStorableId(id)) return null;
    try {
      const { resource, etag } = await this.o.container.item(id, partition).read();
      if (!resource) return null;
      return { doc: this.parse(resource), etag };
    } catch (error) {
      if (cosmosStatus(error) === 404) return null;
      return translateStoreError(error, `reading ${this.o.kind} ${id}`);
    }
  }

  async query(spec: SqlQuerySpec | string, partition?: string): Promise<T[]> {
    try {
      const { resources } = await this.o.container.items
        .query(spec, paged(partition === undefined ? {} : { partitionKey: partition }))
        .fetchAll();
      return resources.map((r) => this.parse(r));
    } catch (error) {
      return translateStoreError(error, `reading ${this.o.kind} records`);
    }
  }

  /** Creates the document; `conflict` when one with the same id exists (used for idempotency). */
  async create(doc: T, actor: Actor): Promise<Versioned<T>> {
    const valid = this.o.schema.parse(doc);
    try {
      const { resource, etag } = await this.o.container.items.create(this.toDocument(valid));
      await this.audit("create", actor, null, valid);
      return { doc: this.parse(resource), etag };
    } catch (error) {
      if (cosmosStatus(error) === 409) {
        throw new DomainError("conflict", `That ${this.o.kind} already exists.`, {
          id: this.o.idOf(valid),
        });
      }
      return translateStoreError(error, `saving ${this.o.kind} ${this.o.idOf(valid)}`);
    }
  }

  /** Replaces the document only if it is unchanged since it was read at `etag`. */
  async replace(
    doc: T,
    etag: string,
    actor: Actor,
    before: T | null = null,
  ): Promise<Versioned<T>> {
    const valid = this.o.schema.parse(doc);
    const id = this.o.idOf(valid);
    try {
      const { resource, etag: next } = await this.o.container
        .item(id, this.o.partitionOf(valid))
        .replace(this.toDocument(valid), { accessCondition: { type: "IfMatch", condition: etag } });
      await this.audit("replace", actor, before, valid);
      return { doc: this.parse(resource), etag: next };
    } catch (error) {
      const status = cosmosStatus(error);
      if (status === 412 || status === 404) {
        throw new DomainError(
          "conflict",
          `That ${this.o.kind} was changed by someone else just now.`,
          { id },
        );
      }
      return translateStoreError(error, `saving ${this.o.kind} ${id}`);
    }
  }

  /** Writes without a condition: for records only one writer owns (imports by Ref, directory edits). */
  async upsert(doc: T, actor: Actor, before: T | null): Promise<Versioned<T>> {
    const valid = this.o.schema.parse(doc);
    try {
      const { resource, etag } = await this.o.container.items.upsert(this.toDocument(valid));
      await this.audit(before ? "replace" : "create", actor, before, valid);
      return { doc: this.parse(resource), etag };
    } catch (error) {
      return translateStoreError(error, `saving ${this.o.kind} ${this.o.idOf(valid)}`);
    }
  }

  /**
   * `upsert` for many documents at once (an import run): each partition's documents go in
   * transactional batches of up to 100, their audit entries in bulk requests of up to 100, instead
   * of two requests per document. Every document is validated before anything is written.
   *
   * Documents and audit entries live in different partitions, so no one request can write both: a
   * crash can fall between them. Each document is therefore stored with the id its audit entry will
   * have (`auditId`) and the run that wrote it (`importRun`), which lets a later import find a
   * document whose entry never arrived and record it (import-runs.ts); and since the entry's id is
   * fixed before anything is written, writing it again never makes a second one.
   *
   * A document the store did not acknowledge in its batch is written again on its own, and if that
   * fails too the call fails with its reason (nothing new is started). `onSaved` hears how many
   * documents the store has acknowledged, as they are.
   */
  async upsertMany(
    writes: readonly { doc: T; before: T | null }[],
    actor: Actor,
    run: { id: string; onSaved?: (count: number) => void },
  ): Promise<void> {
    type Write = {
      entry: NewAuditEntry & { id: string };
      body: T & { id: string; auditId: string; importRun: string };
    };
    const byPartition = new Map<string, Write[]>();
    for (const { doc, before } of writes) {
      const valid = this.o.schema.parse(doc);
      const partition = this.o.partitionOf(valid);
      const group = byPartition.get(partition) ?? [];
      if (group.length === 0) byPartition.set(partition, group);
      const entry = {
        id: randomUUID(),
        ...this.auditEntry(before ? "replace" : "create", actor, before, valid),
        importRun: run.id,
      };
      group.push({
        entry,
        body: { ...this.toDocument(valid), auditId: entry.id, importRun: run.id },
      });
    }
    const batches = [...byPartition].flatMap(([partition, group]) =>
      requestSizedGroups(group, (write) => write.body).map((batch) => ({ partition, batch })),
    );
    const saved = (count: number) => {
      if (count > 0) run.onSaved?.(count);
    };
    // A few batches in flight keep both ends busy; more only queue behind each other.
    await forEachLimited(batches, 4, async ({ partition, batch }) => {
      const written = await upsertInOneBatch(
        this.o.container,
        partition,
        batch.map(({ body }) => body),
      );
      saved(written.filter(Boolean).length);
      await this.o.audit.appendMany(
        batch.filter((_, index) => written[index]).map(({ entry }) => entry),
      );
      const missing = batch.filter((_, index) => !written[index]);
      await forEachLimited(missing, 8, async ({ entry, body }) => {
        try {
          await this.o.container.items.upsert(body);
        } catch (error) {
          translateStoreError(error, `saving ${this.o.kind} ${body.id}`);
        }
        saved(1);
        await this.o.audit.appendMany([entry]);
      });
    });
  }

  async delete(doc: T, actor: Actor): Promise<void> {
    const id = this.o.idOf(doc);
    try {
      await this.o.container.item(id, this.o.partitionOf(doc)).delete();
      await this.audit("delete", actor, doc, null);
    } catch (error) {
      if (cosmosStatus(error) === 404) return;
      translateStoreError(error, `removing ${this.o.kind} ${id}`);
    }
  }

  /** Cosmos needs an `id` on every document; domain types keep their own key (e.g. an action's Ref). */
  private toDocument(doc: T): T & { id: string } {
    return { ...doc, id: this.o.idOf(doc) };
  }

  private parse(resource: unknown): T {
    return this.o.schema.parse(stripSystemFields(resource));
  }

  private async audit(
    operation: "create" | "replace" | "delete",
    actor: Actor,
    before: T | null,
    after: T | null,
  ): Promise<void> {
    await this.o.audit.append(this.auditEntry(operation, actor, before, after));
  }

  private auditEntry(
    operation: "create" | "replace" | "delete",
    actor: Actor,
    before: T | null,
    after: T | null,
  ): Omit<AuditEntry, "id" | "at"> {
    const subject = (after ?? before) as T;
    return {
      entity: `${this.o.kind}:${this.o.idOf(subject)}`,
      actor,
      operation,
      summary: this.o.describe?.(before, after) ?? `${this.o.kind} ${operation}d`,
      before,
      after,
    };
  }
}

/** Cosmos ids are 1 to 255 characters, none of them `/ \ ? #`. */
function isStorableId(id: string): boolean {
  return id.length > 0 && id.length <= 255 && !/[/\\?#]/.test(id);
}
