/**
 * What Azure Cosmos DB refuses that the embedded server's library would accept, written as plain
 * checks so the embedded store can refuse the same requests (with Azure's status and, as far as
 * it is published, Azure's message) and the contract test can hold a whole run's traffic to them.
 * Azure's limits: https://learn.microsoft.com/azure/cosmos-db/concepts-limits
 */
import type { IndexingPolicy } from "@azure/cosmos";

export interface Refusal {
  status: number;
  code: string;
  message: string;
}

/** Azure's largest item, and its largest request (a transactional batch included). */
export const MAX_ITEM_BYTES = 2 * 1024 * 1024;
export const MAX_BATCH_BYTES = 2 * 1024 * 1024;
export const MAX_BATCH_OPERATIONS = 100;

const RESTRICTED_ID_CHARACTERS = ["/", "\\", "#", "?"];

const tooLarge = (): Refusal => ({
  status: 413,
  code: "RequestEntityTooLarge",
  message: "Request size is too large",
});

const badRequest = (message: string): Refusal => ({ status: 400, code: "BadRequest", message });

/** An item's id: a non-empty string under 1,024 characters with none of `/ \ # ?`. */
export function checkId(id: unknown): Refusal | null {
  if (typeof id !== "string" || id.length === 0 || id.length > 1023) {
    return badRequest(
      "The input name is invalid. Ensure to provide a unique non-empty string less than '1024' characters.",
    );
  }
  const restricted = RESTRICTED_ID_CHARACTERS.find((character) => id.includes(character));
  return restricted
    ? badRequest(`The resource name presented contains invalid character '${restricted}'.`)
    : null;
}

/** A document the store is asked to write: its id and its size as stored (UTF-8 JSON). */
export function checkItem(document: unknown): Refusal | null {
  if (typeof document !== "object" || document === null) return null;
  if (Buffer.byteLength(JSON.stringify(document)) > MAX_ITEM_BYTES) return tooLarge();
  return checkId((document as { id?: unknown }).id);
}

/** The value at a partition key path such as `/planId` (undefined when the document lacks it). */
export function partitionValue(document: unknown, path: string): unknown {
  let value: unknown = document;
  for (const part of path.split("/").filter(Boolean)) {
    if (typeof value !== "object" || value === null) return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

/** The request's partition key header (`["value"]`), or null when none was given. */
export function headerPartitionKey(header: string | undefined): unknown[] | null {
  if (!header || header === "[{}]") return null;
  try {
    const parsed: unknown = JSON.parse(header);
    return Array.isArray(parsed) ? parsed : null;
  } catch {
    return null;
  }
}

const MISMATCHED_PARTITION = badRequest(
  "PartitionKey extracted from document doesn't match the one specified in the header",
);

/** A create, upsert or replace: the document's own partition key must be the header's. */
export function checkDocumentPartition(
  document: unknown,
  header: unknown[] | null,
  partitionPath: string | undefined,
): Refusal | null {
  if (!partitionPath || typeof document !== "object" || document === null) return null;
  if (!header) return badRequest("PartitionKey value must be supplied for this operation.");
  const value = partitionValue(document, partitionPath);
  return JSON.stringify(header) === JSON.stringify([value]) ? null : MISMATCHED_PARTITION;
}

/** A point read, replace, patch or delete names its item's partition key. */
export function checkPointOperation(header: unknown[] | null): Refusal | null {
  return header ? null : badRequest("PartitionKey value must be supplied for this operation.");
}

export interface BatchOperation {
  operationType?: string;
  id?: unknown;
  partitionKey?: unknown;
  resourceBody?: unknown;
}

/**
 * A transactional batch: at most 100 operations and 2 MB, every operation in the header's
 * partition (an operation's own key, when it names one, and its document's key), every document
 * within the item rules.
 */
export function checkBatch(
  operations: readonly BatchOperation[],
  bodyBytes: number,
  header: unknown[] | null,
  partitionPath: string | undefined,
): Refusal | null {
  if (operations.length > MAX_BATCH_OPERATIONS) {
    return badRequest("Batch request has more operations than what is supported.");
  }
  if (bodyBytes > MAX_BATCH_BYTES) return tooLarge();
  if (!header) return badRequest("PartitionKey value must be supplied for this operation.");
  const expected = JSON.stringify(header);
  for (const operation of operations) {
    const own = operation.partitionKey;
    if (own !== undefined) {
      const ownKey = typeof own === "string" ? own : JSON.stringify(own);
      if (ownKey !== expected) return MISMATCHED_PARTITION;
    }
    const refusal =
      checkItem(operation.resourceBody) ??
      (operation.id === undefined ? null : checkId(operation.id)) ??
      checkDocumentPartition(operation.resourceBody, header, partitionPath);
    if (refusal) return refusal;
  }
  return null;
}

/** A non-atomic (bulk) request: at most 100 operations, each document within the item rules. */
export function checkBulk(operations: readonly BatchOperation[]): Refusal | null {
  if (operations.length > MAX_BATCH_OPERATIONS) {
    return badRequest("Batch request has more operations than what is supported.");
  }
  for (const operation of operations) {
    const refusal =
      checkItem(operation.resourceBody) ??
      (operation.id === undefined ? null : checkId(operation.id));
    if (refusal) return refusal;
  }
  return null;
}

export interface OrderByItem {
  /** A document path as indexing policies write it: `/queuedAt`, `/address/city`. */
  path: string;
  order: "ascending" | "descending";
}

const CLAUSE_END = /\s+(OFFSET|LIMIT)\s+/i;

/**
 * The ORDER BY items of a query, or a refusal when one is not a plain property path (Azure cannot
 * serve those from an index). Null when the query has no ORDER BY.
 */
export function orderByItems(sql: string): OrderByItem[] | Refusal | null {
  const at = sql.search(/\bORDER\s+BY\b/i);
  if (at < 0) return null;
  const clause =
    sql
      .slice(at)
      .replace(/^ORDER\s+BY\s+/i, "")
      .split(CLAUSE_END)[0] ?? "";
  const items: OrderByItem[] = [];
  for (const raw of clause.split(",")) {
    const match =
      /^\s*([A-Za-z_]\w*)((?:\.[A-Za-z_]\w*|\[\s*"[^"]+"\s*\])+)\s*(ASC|DESC)?\s*$/i.exec(raw);
    if (!match) {
      return badRequest(
        "Unsupported ORDER BY clause. ORDER BY item expression could not be mapped to a document path.",
      );
    }
    const parts = [...(match[2] ?? "").matchAll(/\.([A-Za-z_]\w*)|\[\s*"([^"]+)"\s*\]/g)].map(
      (part) => part[1] ?? part[2],
    );
    items.push({
      path: `/${parts.join("/")}`,
      order: match[3]?.toUpperCase() === "DESC" ? "descending" : "ascending",
    });
  }
  return items;
}

/** Does an indexing policy path (`/*`, `/a/?`, `/a/*`) cover a property path? */
function covers(quoted: string, path: string): boolean {
  // Policies may quote a segment (`/"_etag"/?`); the quotes are not part of the name.
  const policyPath = quoted.replaceAll('"', "");
  if (policyPath === "/*") return true;
  if (policyPath.endsWith("/?")) return policyPath.slice(0, -2) === path;
  if (policyPath.endsWith("/*")) {
    const prefix = policyPath.slice(0, -2);
    return path === prefix || path.startsWith(`${prefix}/`);
  }
  return policyPath === path;
}

/**
 * A query's ORDER BY must be served by the container's indexing policy: one item by a range index
 * on its path (included and not excluded), two or more by a composite index with the same paths in
 * the same order and either the same directions or all of them reversed.
 */
export function checkOrderBy(sql: string, policy: IndexingPolicy | undefined): Refusal | null {
  const items = orderByItems(sql);
  if (items === null) return null;
  if (!Array.isArray(items)) return items;
  if (items.length === 1) {
    const [item] = items as [OrderByItem];
    // A container that indexes nothing serves no ORDER BY at all.
    const excluded =
      policy?.indexingMode === "none" ||
      (policy?.excludedPaths ?? []).some(({ path }) => covers(path, item.path));
    const included = (policy?.includedPaths ?? [{ path: "/*" }]).some(({ path }) =>
      covers(path, item.path),
    );
    return excluded || !included
      ? badRequest("The index path corresponding to the specified order-by item is excluded.")
      : null;
  }
  const served = (policy?.compositeIndexes ?? []).some((composite) => {
    if (composite.length !== items.length) return false;
    const same = composite.every(
      (index, i) =>
        index.path === items[i]?.path && (index.order ?? "ascending") === items[i]?.order,
    );
    const reversed = composite.every(
      (index, i) =>
        index.path === items[i]?.path && (index.order ?? "ascending") !== items[i]?.order,
    );
    return same || reversed;
  });
  return served
    ? null
    : badRequest(
        "The order by query does not have a corresponding composite index that it can be served from.",
      );
}
