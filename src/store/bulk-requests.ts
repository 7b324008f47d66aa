/**
 * Shared by the batch and bulk write paths: how many documents go in one request, and how many
 * requests run at once.
 */

/** Cosmos DB takes at most 100 operations in one batch or bulk request. */
export const MAX_OPERATIONS_PER_REQUEST = 100;

/**
 * Cosmos DB refuses a transactional batch over 2 MB; a request is closed well below that, so a
 * plan with long progress notes still fits.
 */
const MAX_BYTES_PER_REQUEST = 1_000_000;

/** Splits items into groups whose documents (`documentOf`) each fit one request, keeping order. */
export function requestSizedGroups<T>(
  items: readonly T[],
  documentOf: (item: T) => unknown = (item) => item,
): T[][] {
  const groups: T[][] = [];
  let current: T[] = [];
  let bytes = 0;
  for (const item of items) {
    const size = Buffer.byteLength(JSON.stringify(documentOf(item)));
    const full =
      current.length === MAX_OPERATIONS_PER_REQUEST || bytes + size > MAX_BYTES_PER_REQUEST;
    if (full && current.length > 0) {
      groups.push(current);
      current = [];
      bytes = 0;
    }
    current.push(item);
    bytes += size;
  }
  if (current.length > 0) groups.push(current);
  return groups;
}
