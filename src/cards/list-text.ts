/** "1 action", "4 actions". */
export function countOf(count: number, singular: string, plural = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : plural}`;
}

/**
 * Long lists are cut so a card stays well under Teams' message size; the caller shows
 * `andMore(hidden)` so nobody mistakes the list for the whole.
 */
export function limitList<T>(items: readonly T[], max: number): { shown: T[]; hidden: number } {
  return { shown: items.slice(0, max), hidden: Math.max(0, items.length - max) };
}

/** "and 3 more", or with a noun "and 1 more action" / "and 3 more actions". */
export function andMore(hidden: number, singular?: string, plural = `${singular}s`): string {
  if (!singular) return `and ${hidden} more`;
  return `and ${hidden} more ${hidden === 1 ? singular : plural}`;
}
