/**
 * How the corpus compares words: lower case, letters and digits only, "children's" as "children",
 * and a plural "s" folded ("IROs" is "IRO"). Kept apart from the product's own word handling.
 */
export function words(text: string): string[] {
  return (
    text
      .toLowerCase()
      .replace(/['\u2019]s\b/g, "")
      .match(/[a-z0-9]+/g) ?? []
  ).map(fold);
}

export function fold(word: string): string {
  return word.length > 3 && word.endsWith("s") && !word.endsWith("ss") ? word.slice(0, -1) : word;
}

/** Whether `needle` appears in `haystack` as a run of whole words. */
export function containsRun(haystack: readonly string[], needle: readonly string[]): boolean {
  if (needle.length === 0) return false;
  outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

/** Small words that never start or end a name's part on their own. */
export const SMALL_WORDS = new Set(
  "a an and the of in on at to for with by from their who our into including its is are be been become that have has".split(
    " ",
  ),
);

/**
 * Words a question uses for its filters and its own shape: a part of a name made only of these
 * would be read as the filter, so the corpus never offers one as a name's part.
 */
export const QUESTION_WORDS = new Set(
  `red amber green rag rags not no none overdue late behind due before after by end this last next
   quarter quarters month year week today since changed change updated update updates awaiting sign
   signed off signoff approval approved decision dmt pending returned summary how many my mine me show
   list what whats anything any all every action actions priority priorities plan plans review
   reviews status risk track complete completed done open new worse better went was got gone
   january february march april may june july august september october november december tbc date
   dates term spring summer autumn winter about tell please pls lead leads led which who`.split(
    /\s+/,
  ),
);

/** Words too common in council plans to point at one name. */
export const COMMON_WORDS = new Set(
  `children child young people family families service services support plan improvement development
   manager team head social care council`.split(/\s+/),
);
