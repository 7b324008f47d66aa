/** How many hundreds of messages are queued at once (one store request each). */
export const QUEUE_BATCHES = 4;

/** The items in order, a hundred to a group (the most one Cosmos bulk request takes). */
export function inHundreds<T>(items: readonly T[]): T[][] {
  const groups: T[][] = [];
  for (let at = 0; at < items.length; at += 100) groups.push(items.slice(at, at + 100));
  return groups;
}

/**
 * Runs `work` over `items` with at most `limit` at a time, in order of start. Queueing a round's
 * messages is a store request per hundred; a few in flight keep ten thousand forms to seconds
 * without flooding the store.
 */
export async function forEachLimited<T>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++] as T;
      await work(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}
