import { readFile, stat } from "node:fs/promises";
import { extname } from "node:path";
import { parse } from "csv-parse/sync";
// Types only: exceljs itself (~30 MB resident) loads on the first Excel file, not with the server.
import type ExcelJS from "exceljs";
import { DomainError } from "../domain/errors.ts";
import { checkFileSize, checkRowSizes } from "./file-limits.ts";
import { unguardFormulaCell } from "./formula-cells.ts";
import { decodeText, hasUtf16Mark, type TextEncoding } from "./text-encoding.ts";
import { xlsxCellText } from "./xlsx-cell-text.ts";

/** A cell that was read, but not as plainly as the rest: said in the import report. */
export interface CellNote {
  rowNumber: number;
  /** 0-based, like `cells`. */
  column: number;
  reason: string;
}

/** A file's rows as text cells, each with the row number a person sees in their spreadsheet. */
export interface Table {
  header: string[];
  rows: { rowNumber: number; cells: string[] }[];
  /** How a CSV's bytes were read (the report says so when it was not UTF-8). */
  encoding?: TextEncoding;
  notes?: CellNote[];
  /** A workbook's sheet named "Priorities" (number, name, description), which sets the plan's priorities. */
  priorities?: Table;
}

/** Reads a CSV or XLSX plan file; a file that is neither gets a message naming what to do. */
export async function readTable(path: string): Promise<Table> {
  const kind = extname(path).toLowerCase();
  let bytes: Buffer;
  try {
    // The size first: a file too big to import is refused without reading it into memory.
    checkFileSize(path, (await stat(path)).size);
    bytes = await readFile(path);
  } catch (error) {
    if (error instanceof DomainError) throw error;
    throw new DomainError(
      "invalid_input",
      `Can't read ${path}: check the file name and that the file exists.`,
    );
  }
  let table: Table | undefined;
  if (kind === ".xlsx") table = await readXlsx(bytes, path);
  if (kind === ".csv" || kind === ".txt") table = readCsv(bytes, path);
  if (table) {
    checkRowSizes(path, table.header, table.rows);
    return table;
  }
  throw new DomainError(
    "invalid_input",
    `${path} is not a .csv or .xlsx file: save the plan as CSV (UTF-8) or Excel workbook and import that.`,
  );
}

export function readCsv(bytes: Buffer, path: string): Table {
  if (!hasUtf16Mark(bytes) && looksBinary(bytes)) {
    throw new DomainError(
      "invalid_input",
      `${path} is not a text CSV file (it looks like a binary file renamed .csv): in Excel use File › Save As › CSV UTF-8.`,
    );
  }
  const { text, encoding } = decodeText(bytes);
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
      delimiter: delimiterOf(text),
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
    encoding,
  };
}

async function readXlsx(bytes: Buffer, path: string): Promise<Table> {
  // exceljs itself (~30 MB resident) loads on the first Excel file, not with the server.
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
  const filled = workbook.worksheets.filter((ws) => ws.actualRowCount > 0);
  const prioritiesSheet = filled.find((ws) => isPrioritiesSheet(ws.name));
  // The actions are on the first other sheet; a workbook of priorities alone is read as itself.
  const sheet = filled.find((ws) => ws !== prioritiesSheet) ?? prioritiesSheet;
  if (!sheet)
    throw new DomainError(
      "invalid_input",
      `${path} has no rows: it needs a header row and one row per action.`,
    );
  const table: Table = { header: [], rows: [], notes: [] };
  // Read once: exceljs counts the columns by walking every row, so asking per cell is quadratic.
  const columns = sheet.columnCount;
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    for (let c = 1; c <= columns; c++) {
      const read = xlsxCellText(row.getCell(c));
      cells.push(read.text);
      if (read.note) table.notes?.push({ rowNumber, column: c - 1, reason: read.note });
    }
    if (table.header.length === 0) table.header = cells.map((h) => h.trim());
    else table.rows.push({ rowNumber, cells });
  });
  if (prioritiesSheet && prioritiesSheet !== sheet) table.priorities = sheetText(prioritiesSheet);
  return table;
}

const isPrioritiesSheet = (name: string) => name.trim().toLowerCase() === "priorities";

/** A small sheet's cells as text (the Priorities sheet: a few rows). */
function sheetText(sheet: ExcelJS.Worksheet): Table {
  const table: Table = { header: [], rows: [] };
  const columns = sheet.columnCount;
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    for (let c = 1; c <= columns; c++) cells.push(xlsxCellText(row.getCell(c)).text);
    if (table.header.length === 0) table.header = cells.map((h) => h.trim());
    else table.rows.push({ rowNumber, cells });
  });
  return table;
}

/** Excel's "Unicode Text" separates cells with tabs; every other CSV with commas. */
function delimiterOf(text: string): string {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const count = (c: string) => firstLine.split(c).length - 1;
  return count("\t") > count(",") ? "\t" : ",";
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
