import type { Container, FeedOptions } from "@azure/cosmos";
import { paged } from "./query-pages.ts";

/** A document as the store returns it: ours, plus the system fields a poller reads. */
export type StoredRow = Record<string, unknown> & { id: string; _etag: string; _ts: number };

/**
 * One container, or one logical partition of it, read by last-modified time: all a copy kept in
 * memory needs to stay up to date, so that copy knows nothing of Cosmos's queries or SDK.
 */
export interface ChangedRows {
  /** The container's name, as the store's change versions know it. */
  readonly container: string;
  /** The documents last modified at or after `since` (the store's seconds); 0 gives them all. */
  since(since: number): Promise<StoredRow[]>;
  /** How many documents there are now: fewer than a copy holds means some were removed. */
  count(): Promise<number>;
}

/** A logical partition: the field the container is partitioned by, and its value. */
export interface Partition {
  field: string;
  value: string;
}

/** `container`'s documents by `_ts`, all partitions, or only `partition` when given. */
export function changedRows(container: Container, partition?: Partition): ChangedRows {
  const options: FeedOptions = partition ? { partitionKey: partition.value } : {};
  // The partition is named in the queries too: the embedded store ignores the option on queries.
  const where = partition ? ` AND c.${partition.field} = @partition` : "";
  const partitionParameter = partition ? [{ name: "@partition", value: partition.value }] : [];
  return {
    container: container.id,
    async since(since) {
      const query = `SELECT * FROM c WHERE c._ts >= @since${where}`;
      const parameters = [{ name: "@since", value: since }, ...partitionParameter];
      const { resources } = await container.items
        .query<StoredRow>({ query, parameters }, paged(options))
        .fetchAll();
      return resources;
    },
    async count() {
      const query = partition
        ? `SELECT VALUE COUNT(1) FROM c WHERE c.${partition.field} = @partition`
        : "SELECT VALUE COUNT(1) FROM c";
      const { resources } = await container.items
        .query<number>({ query, parameters: partitionParameter }, options)
        .fetchAll();
      return resources.reduce((sum, n) => sum + n, 0);
    },
  };
}
