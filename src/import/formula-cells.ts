/**
 * Spreadsheet programs run a CSV cell that starts with `=`, `+`, `-` or `@` as a formula (and
 * some also after a leading tab or carriage return), so a plan cell or a lead's progress text such
 * as `=HYPERLINK("http://evil.example","x")` would run when the export is opened. The CSV export
 * writes such a cell with a leading `'`, which shows it as the text it is, and the CSV import
 * removes that `'` again, so an exported file imports back exactly as it was.
 *
 * To make that exact for every text, a cell whose text already starts with one or more `'` before
 * a formula character gets one more `'` too; import always removes exactly one. A cell that merely
 * contains a `'` (O'Neill, 'quoted') or whose `'` is not followed by a formula character is left as
 * it is both ways.
 *
 * Only CSV is treated this way: the Excel export writes every text as a text cell, which Excel
 * never runs, so an Excel file's cells are read exactly as they are written (a `'` included).
 */

/** Text that needs the guard: any number of `'`, then a character that starts a formula. */
const NEEDS_GUARD = /^'*[=+\-@\t\r]/;
/** A guarded cell: at least one `'`, then a character that starts a formula. */
const GUARDED = /^'+[=+\-@\t\r]/;

/** The cell as the CSV export writes it: never starting with a formula character. */
export function guardFormulaCell(text: string): string {
  return NEEDS_GUARD.test(text) ? `'${text}` : text;
}

/** The text a CSV cell written by `guardFormulaCell` stands for. */
export function unguardFormulaCell(cell: string): string {
  return GUARDED.test(cell) ? cell.slice(1) : cell;
}
