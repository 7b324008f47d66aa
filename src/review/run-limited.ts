/** How many messages are queued at once while a round goes out. */
export const QUEUE_CONCURRENCY = 16;

/**
 * Runs `work` over `items` with at most `limit` at a time, in order of start. Queueing a round's
 * messages is a store write each; a few in flight keep a thousand leads to seconds without
 * flooding the store.
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
