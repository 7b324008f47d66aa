import type { HeaderReading } from "../domain/headers.ts";
import { PLAN_COLUMN_NOTE } from "./plan-column.ts";
import type { TextEncoding } from "./text-encoding.ts";

/** Export writes these columns (the latest update and decision); import does not read them back. */
export const EXPORT_ONLY_NOTE =
  "written by export (the latest update or decision): not read back, the review keeps its own";

/** One line per header of the file: "Deadline" → Completion Date, or kept as an extra column. */
export function headerLines(headers: readonly HeaderReading[]): string[] {
  return headers.map((h) => {
    if (h.note === PLAN_COLUMN_NOTE) return `  column ${h.column} "${h.header}": ${h.note}`;
    const read = h.field ? `read as ${h.field}` : "kept as an extra column";
    const note = h.note && h.note !== "kept as an extra column" ? ` (${h.note})` : "";
    return `  column ${h.column} "${h.header}": ${read}${note}`;
  });
}

/** Said when a CSV was not UTF-8, so a reader knows why £ and é came out right. */
export function encodingLine(encoding: TextEncoding | undefined): string | null {
  if (encoding === "Windows-1252")
    return `Read as Windows-1252 (Excel's "CSV (Comma delimited)"); every character kept.`;
  if (encoding === "UTF-16") return `Read as UTF-16 (Excel's "Unicode Text").`;
  return null;
}
