import { MAX_OPERATIONS_PER_REQUEST } from "../store/bulk-requests.ts";

/** How many hundreds of messages are queued at once (one store request each). */
export const QUEUE_BATCHES = 4;

/** The items in order, a hundred to a group (the most one Cosmos bulk request takes). */
export function inHundreds<T>(items: readonly T[]): T[][] {
  const size = MAX_OPERATIONS_PER_REQUEST;
  const groups: T[][] = [];
  for (let at = 0; at < items.length; at += size) groups.push(items.slice(at, at + size));
  return groups;
}
