/**
 * Plan order of Refs, as people read them: numbers compare as numbers (1.2 before 1.10, CSC-2
 * before CSC-10, P3.2 before P3.10), a letter after a number follows it (2, 2a, 3) and case does not
 * decide the place (2a beside 2A). Refs equal by that reading ("2a" and "2A", "1.1" and "1.01") are
 * then put in one fixed order, so a list comes out the same whatever order it was read in.
 */
export function compareRefs(a: string, b: string): number {
  return asRead.compare(a, b) || tieBreak.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);
}

/** Two actions (or updates, or rows) in plan order of their Refs. */
export function byRef(a: { ref: string }, b: { ref: string }): number {
  return compareRefs(a.ref, b.ref);
}

// One collator each, made once: `localeCompare` with options builds a new one on every call.
const asRead = new Intl.Collator("en-GB", { numeric: true, sensitivity: "base" });
const tieBreak = new Intl.Collator("en-GB", { numeric: true, sensitivity: "variant" });
