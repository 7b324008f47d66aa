import { DomainError } from "../domain/errors.ts";

/**
 * What a plan file may hold, checked before anything is written. Azure Cosmos DB refuses an item
 * over 2 MB; an action's audit entry holds the action before and after a change, so an action
 * must stay under half of that, and 900 KB of text in one row leaves room for the rest.
 */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;
export const MAX_ROW_BYTES = 900 * 1024;

const size = (bytes: number) =>
  bytes >= 1024 * 1024
    ? `${(bytes / 1024 / 1024).toFixed(1)} MB`
    : `${Math.ceil(bytes / 1024).toLocaleString("en-GB")} KB`;

export function checkFileSize(path: string, bytes: number): void {
  if (bytes > MAX_FILE_BYTES) {
    throw new DomainError(
      "invalid_input",
      `${path} is ${size(bytes)}, over the ${size(MAX_FILE_BYTES)} a plan file may be: split the plan into smaller files, or remove pictures and unused sheets.`,
    );
  }
}

/** A row too big to store is refused by number, naming its biggest cell, before any row is written. */
export function checkRowSizes(
  path: string,
  header: string[],
  rows: { rowNumber: number; cells: string[] }[],
): void {
  for (const { rowNumber, cells } of rows) {
    const lengths = cells.map((c) => Buffer.byteLength(c, "utf8"));
    const total = lengths.reduce((a, b) => a + b, 0);
    if (total <= MAX_ROW_BYTES) continue;
    const biggest = lengths.indexOf(Math.max(...lengths));
    const column = header[biggest] || `Column ${biggest + 1}`;
    throw new DomainError(
      "invalid_input",
      `${path}: row ${rowNumber} holds ${size(total)} of text (column "${column}" alone ${size(lengths[biggest] ?? 0)}), over the ${size(MAX_ROW_BYTES)} one action may hold: shorten it or move the long text to a linked document. Nothing was imported.`,
    );
  }
}
