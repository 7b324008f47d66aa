/** How many hundreds of messages are queued at once (one store request each). */
export const QUEUE_BATCHES = 4;

/** The items in order, a hundred to a group (the most one Cosmos bulk request takes). */
export function inHundreds<T>(items: readonly T[]): T[][] {
  const groups: T[][] = [];
  for (let at = 0; at < items.length; at += 100) groups.push(items.slice(at, at + 100));
  return groups;
}
