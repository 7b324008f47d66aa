import { readFile } from "node:fs/promises";
import { extname } from "node:path";
import { parse } from "csv-parse/sync";
// Types only: exceljs itself (~30 MB resident) loads on the first Excel file, not with the server.
import type ExcelJS from "exceljs";
import { DomainError } from "../domain/errors.ts";
import { unguardFormulaCell } from "./formula-cells.ts";

/** A file's rows as text cells, each with the row number a person sees in their spreadsheet. */
export interface Table {
  header: string[];
  rows: { rowNumber: number; cells: string[] }[];
}

/** Reads a CSV or XLSX plan file; a file that is neither gets a message naming what to do. */
export async function readTable(path: string): Promise<Table> {
  const kind = extname(path).toLowerCase();
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch {
    throw new DomainError(
      "invalid_input",
      `Can't read ${path}: check the file name and that the file exists.`,
    );
  }
  if (kind === ".xlsx") return readXlsx(bytes, path);
  if (kind === ".csv" || kind === ".txt") return readCsv(bytes, path);
  throw new DomainError(
    "invalid_input",
    `${path} is not a .csv or .xlsx file: save the plan as CSV (UTF-8) or Excel workbook and import that.`,
  );
}

export function readCsv(bytes: Buffer, path: string): Table {
  if (looksBinary(bytes)) {
    throw new DomainError(
      "invalid_input",
      `${path} is not a text CSV file (it looks like a binary file renamed .csv): in Excel use File › Save As › CSV UTF-8.`,
    );
  }
  const text = bytes.toString("utf8").replace(/^\uFEFF/, "");
  if (text.trim() === "") {
    throw new DomainError(
      "invalid_input",
      `${path} is empty: it needs a header row and one row per action.`,
    );
  }
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, {
      info: true,
      relax_column_count: true,
      skip_empty_lines: false,
      bom: true,
    }) as unknown as typeof records;
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    throw new DomainError(
      "invalid_input",
      `${path} is not valid CSV${line ? ` near line ${line}` : ""}: ${(error as Error).message}. Check for a stray quote mark.`,
    );
  }
  const [first, ...rest] = records;
  if (!first) throw new DomainError("invalid_input", `${path} has no header row.`);
  // The export guards cells that would run as formulas with a leading ': read them as they were.
  return {
    header: first.record.map((h) => unguardFormulaCell(h).trim()),
    // Rows count as a spreadsheet shows them: the header is row 1, the first action row 2.
    rows: rest.map((r, i) => ({ rowNumber: i + 2, cells: r.record.map(unguardFormulaCell) })),
  };
}

async function readXlsx(bytes: Buffer, path: string): Promise<Table> {
  const { default: Excel } = await import("exceljs");
  const workbook = new Excel.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new DomainError(
      "invalid_input",
      `${path} is not a readable Excel workbook: open it in Excel and save it again as .xlsx, or export it as CSV.`,
    );
  }
  const sheet = workbook.worksheets.find((ws) => ws.actualRowCount > 0);
  if (!sheet)
    throw new DomainError(
      "invalid_input",
      `${path} has no rows: it needs a header row and one row per action.`,
    );
  const table: Table = { header: [], rows: [] };
  // Read once: exceljs counts the columns by walking every row, so asking per cell is quadratic.
  const columns = sheet.columnCount;
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    for (let c = 1; c <= columns; c++) cells.push(cellText(row.getCell(c).value));
    if (table.header.length === 0) table.header = cells.map((h) => h.trim());
    else table.rows.push({ rowNumber, cells });
  });
  return table;
}

/** Excel cells hold dates, numbers, rich text and formulas; the importer reads them all as a person sees them. */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) {
    const d = value;
    return `${String(d.getUTCDate()).padStart(2, "0")}/${String(d.getUTCMonth() + 1).padStart(2, "0")}/${d.getUTCFullYear()}`;
  }
  if (typeof value === "object") {
    if ("richText" in value) return value.richText.map((r) => r.text).join("");
    if ("text" in value && typeof value.text === "string") return value.text;
    if ("result" in value) return cellText(value.result as ExcelJS.CellValue);
    if ("error" in value) return "";
  }
  return String(value);
}

/** NUL bytes or a high share of control characters mean this is not text. */
function looksBinary(bytes: Buffer): boolean {
  const sample = bytes.subarray(0, 8192);
  let control = 0;
  for (const b of sample) {
    if (b === 0) return true;
    if (b < 9 || (b > 13 && b < 32)) control++;
  }
  return sample.length > 0 && control / sample.length > 0.05;
}
