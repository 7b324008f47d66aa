import type { z } from "zod";
import { stripSystemFields } from "../store/audit-log.ts";
import type { ChangeVersions } from "../store/change-versions.ts";
import type { ChangedRows, StoredRow } from "../store/changed-rows.ts";
import { translateStoreError } from "../store/store-errors.ts";
import { nextPollSince } from "./poll-window.ts";

/** One document that is new or different since the last read. */
export type MirrorChange<T> = { before: T | null; after: T };

export interface MirrorOptions<T> {
  /** The container (or one logical partition of it, e.g. one plan's actions) to copy. */
  rows: ChangedRows;
  schema: z.ZodType<T>;
  /** A document that fails its schema is left out (the rest still answer); this says which. */
  onInvalid: (id: string, problem: string) => void;
  /**
   * What tells documents apart: the id, unless ids repeat across partitions (two plans' actions
   * "1.1"), when this gives a key unique in the container.
   */
  keyOf?: (row: Record<string, unknown> & { id: string }) => string;
  /** When the store runs in this process: a refresh with nothing changed then reads nothing. */
  versions?: ChangeVersions;
  /**
   * Told of documents that are gone from the container (`plan remove` deletes a plan's
   * documents). A removal leaves nothing in the `_ts` window, so with this set each refresh that
   * reads also counts the container, and reads it whole when it holds fewer than the copy.
   */
  onRemoved?: (removed: T[]) => void;
}

/**
 * A copy in memory of one container, brought up to date by reading only the documents whose `_ts`
 * is in the poll window (see `poll-window.ts`). An unchanged document (same `_etag`) is not parsed
 * again. Removals (only `plan remove` deletes) are found by counting; see `onRemoved`.
 */
export class ContainerMirror<T> {
  private readonly entries = new Map<string, { etag: string; doc: T | null }>();
  private newestTs = 0;
  private since = 0;
  /** The container's change version when the last completed read began; null before any. */
  private readVersion: number | null = null;

  constructor(private readonly o: MirrorOptions<T>) {}

  /** Reads what changed since the last refresh (everything, the first time). */
  async refresh(): Promise<MirrorChange<T>[]> {
    // Scanning the container costs the embedded store's thread (and so every request waiting on
    // it) far more than this comparison: skip it when no document there has changed.
    const version = this.o.versions?.version(this.o.rows.container) ?? null;
    if (version !== null && version === this.readVersion) return [];
    // The window is in the server's seconds, so it is measured by the wall clock, not the injected one.
    const startedAt = Date.now();
    const rows = await this.read();
    this.readVersion = version;
    const changes: MirrorChange<T>[] = [];
    for (const row of rows) {
      this.newestTs = Math.max(this.newestTs, row._ts);
      const key = this.o.keyOf?.(row) ?? row.id;
      const known = this.entries.get(key);
      if (known?.etag === row._etag) continue;
      const parsed = this.o.schema.safeParse(stripSystemFields(row));
      if (!parsed.success) this.o.onInvalid(row.id, parsed.error.message);
      const doc = parsed.success ? parsed.data : null;
      this.entries.set(key, { etag: row._etag, doc });
      if (doc) changes.push({ before: known?.doc ?? null, after: doc });
    }
    this.since = nextPollSince(this.newestTs, startedAt);
    if (this.o.onRemoved && (await this.count()) < this.entries.size) await this.dropRemoved();
    return changes;
  }

  /** Reads the whole container and forgets what is no longer in it. */
  private async dropRemoved(): Promise<void> {
    const present = new Set((await this.read(0)).map((row) => this.o.keyOf?.(row) ?? row.id));
    const removed: T[] = [];
    for (const [key, entry] of this.entries) {
      if (present.has(key)) continue;
      this.entries.delete(key);
      if (entry.doc) removed.push(entry.doc);
    }
    if (removed.length > 0) this.o.onRemoved?.(removed);
  }

  private async count(): Promise<number> {
    try {
      return await this.o.rows.count();
    } catch (error) {
      return translateStoreError(error, "reading the plan to answer your question");
    }
  }

  get(id: string): T | undefined {
    return this.entries.get(id)?.doc ?? undefined;
  }

  docs(): T[] {
    const docs: T[] = [];
    for (const { doc } of this.entries.values()) if (doc) docs.push(doc);
    return docs;
  }

  private async read(since = this.since): Promise<StoredRow[]> {
    try {
      return await this.o.rows.since(since);
    } catch (error) {
      return translateStoreError(error, "reading the plan to answer your question");
    }
  }
}
