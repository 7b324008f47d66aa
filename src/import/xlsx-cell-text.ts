// Types only: exceljs itself loads on the first Excel file (see read-table.ts).
import type ExcelJS from "exceljs";

/** A cell's text as a person sees it in Excel, and why it may not be what they expect. */
export interface CellText {
  text: string;
  /** Set when the cell could not be read as its shown value: said in the import report. */
  note?: string;
}

const SAVE_AGAIN = "open the file in Excel and save it, so the workbook stores the values";

/**
 * Excel cells hold dates, numbers, rich text, hyperlinks, errors and formulas; the importer reads
 * each as the text a person sees. A formula saved without its value (written by a program, not
 * Excel) gives its formula text and a note; an error such as #REF! is kept as written, with a note.
 * Never "[object Object]": a value of a kind not known here gives a note instead.
 */
export function xlsxCellText(cell: ExcelJS.Cell): CellText {
  const value = cell.value;
  if (typeof value === "object" && value !== null && !(value instanceof Date)) {
    if ("formula" in value || "sharedFormula" in value) {
      const result = (value as ExcelJS.CellFormulaValue).result;
      if (result === undefined || result === null) {
        const formula = `=${cell.formula ?? ""}`;
        return {
          text: formula,
          note: `the formula ${formula} has no saved value, so its text was read: ${SAVE_AGAIN}`,
        };
      }
      const read = valueText(result as ExcelJS.CellValue);
      return read.note ? { text: read.text, note: `a formula gives ${read.note}` } : read;
    }
  }
  return valueText(value);
}

function valueText(value: ExcelJS.CellValue): CellText {
  if (value === null || value === undefined) return { text: "" };
  if (value instanceof Date) {
    const d = value;
    return {
      text: `${String(d.getUTCDate()).padStart(2, "0")}/${String(d.getUTCMonth() + 1).padStart(2, "0")}/${d.getUTCFullYear()}`,
    };
  }
  if (typeof value !== "object") return { text: String(value) };
  if ("richText" in value && Array.isArray(value.richText))
    return { text: value.richText.map((r) => r.text ?? "").join("") };
  if ("hyperlink" in value) {
    const shown = valueText((value as { text?: ExcelJS.CellValue }).text ?? "").text;
    const link = String(value.hyperlink ?? "");
    // The address is kept when the shown text is not it (a mail link on a name is only the name).
    if (!shown) return { text: link };
    return link && link !== shown && !link.startsWith("mailto:")
      ? { text: `${shown} (${link})` }
      : { text: shown };
  }
  if ("error" in value) {
    const error = String(value.error);
    return { text: error, note: `the error ${error}: correct the cell in Excel` };
  }
  if ("text" in value) return valueText(value.text as ExcelJS.CellValue);
  return { text: "", note: "a kind of cell this import cannot read: retype it as text" };
}
