/** Orders refs as people read them: CSC-2 before CSC-10, numbers compared as numbers. */
export function compareRefs(a: string, b: string): number {
  return collator.compare(a, b);
}

const collator = new Intl.Collator("en-GB", { numeric: true, sensitivity: "base" });
