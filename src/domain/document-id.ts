/**
 * Azure Cosmos DB refuses `/`, `\`, `?` and `#` in a document id, but a council may write a Ref
 * such as "1/2a" or "#4". Every action id and update id is made from its Ref here, so the Ref is
 * kept exactly as written and the document is found again by it.
 *
 * A Ref without those characters is its own id, as it always was, so stores written before this
 * keep working. One with them has each of them (and any `~`) written as `~` and its hex code:
 * "1/2a#" → "1~2F2a~23". Two Refs could only share an id if one were written in that encoded
 * form already ("1~2F2a~23" beside "1/2a#"); the import refuses such a Ref, in one file
 * (rows-to-actions) or beside a stored action (import-plan).
 */
const FORBIDDEN = /[/\\?#]/;

export function storableId(text: string): string {
  if (!FORBIDDEN.test(text)) return text;
  return text.replace(/[/\\?#~]/g, (c) => `~${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** The id of an action's document (and the key of its audit history). */
export const actionDocumentId = (ref: string): string => storableId(ref);
