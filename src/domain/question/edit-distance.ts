/**
 * How far a typed word may be from a known one and still be read as it: none for words of three
 * letters or fewer (RAG, HoS, IRO are too short to guess at), one edit for 4–6 letters, two beyond.
 */
export function allowedEdits(typed: string): number {
  if (typed.length <= 3) return 0;
  return typed.length <= 6 ? 1 : 2;
}

/**
 * Damerau-Levenshtein distance (optimal string alignment: insert, delete, substitute, swap two
 * neighbours), giving up as soon as it must exceed `limit`, in which case it returns limit + 1.
 * Three reusable rows keep a long message's thousands of comparisons free of allocation.
 */
export function boundedEditDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  if (a === b) return 0;
  let beforePrevious = rows[0];
  let previous = rows[1];
  let current = rows[2];
  for (let j = 0; j <= b.length; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowBest = i;
    const charA = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const charB = b.charCodeAt(j - 1);
      let value = Math.min(
        (previous[j] as number) + 1,
        (current[j - 1] as number) + 1,
        (previous[j - 1] as number) + (charA === charB ? 0 : 1),
      );
      if (i > 1 && j > 1 && charA === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === charB) {
        value = Math.min(value, (beforePrevious[j - 2] as number) + 1);
      }
      current[j] = value;
      if (value < rowBest) rowBest = value;
    }
    if (rowBest > limit) return limit + 1;
    const spare = beforePrevious;
    beforePrevious = previous;
    previous = current;
    current = spare;
  }
  const distance = previous[b.length] as number;
  return distance > limit ? limit + 1 : distance;
}

/** Rows reused between calls (the parser is synchronous, so nothing else touches them). */
const rows: [number[], number[], number[]] = [[], [], []];
