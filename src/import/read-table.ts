import { readFile, stat } from "node:fs/promises";
import { extname } from "node:path";
import { parse } from "csv-parse/sync";
// Types only: exceljs itself (~30 MB resident) loads on the first Excel file, not with the server.
import type ExcelJS from "exceljs";
import { DomainError } from "../domain/errors.ts";
import { namesEveryRequiredColumn, requiredColumnsNamed } from "../domain/headers.ts";
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
  /** What of the file's layout was read and what was not (title rows, sheets), for the report. */
  layout?: string[];
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
  if (records.length === 0) throw new DomainError("invalid_input", `${path} has no header row.`);
  // The export guards cells that would run as formulas with a leading ': read them as they were.
  // Rows count as a spreadsheet shows them: the first line is row 1.
  const rows = records.map((r, i) => ({
    rowNumber: i + 1,
    cells: r.record.map(unguardFormulaCell),
  }));
  return { ...headedTable(rows), encoding };
}

/** How far down a header row may be: below a title, a date line and a blank row or two. */
const HEADER_SEARCH_ROWS = 10;

/**
 * The header row and the rows under it. Councils often put a title (and a date) above the table;
 * so does this product's own Excel export. When the first row names none of the columns every plan
 * needs, the header is the first of the next rows that names all of them, and the rows above it
 * are said to be left out. Otherwise the first row is the header, as always (a header that lacks
 * a column then gets its own message).
 */
function headedTable(rows: { rowNumber: number; cells: string[] }[]): Table {
  const at = headerRowIndex(rows.map((row) => row.cells));
  const header = rows[at]?.cells.map((h) => h.trim()) ?? [];
  const above = rows.slice(0, at).filter((row) => row.cells.some((c) => c.trim() !== ""));
  const layout =
    above.length === 0
      ? []
      : [
          `${above.length === 1 ? "Row" : "Rows"} ${above.map((r) => r.rowNumber).join(", ")} above the header row ${above.length === 1 ? "was" : "were"} not read: ${above.map((r) => `“${titleOf(r.cells)}”`).join(", ")}`,
        ];
  return { header, rows: rows.slice(at + 1), ...(layout.length > 0 ? { layout } : {}) };
}

function headerRowIndex(rows: string[][]): number {
  const first = rows[0] ?? [];
  if (requiredColumnsNamed(first) > 0) return 0;
  const found = rows.slice(0, HEADER_SEARCH_ROWS).findIndex(namesEveryRequiredColumn);
  return found === -1 ? 0 : found;
}

/** A title row's text, once (a merged title repeats in every cell it spans), kept short. */
function titleOf(cells: string[]): string {
  const text = [...new Set(cells.map((c) => c.trim()).filter(Boolean))].join(" ");
  return text.length > 80 ? `${text.slice(0, 79)}…` : text;
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
  const others = filled.filter((ws) => ws !== prioritiesSheet);
  if (others.length === 0 && !prioritiesSheet)
    throw new DomainError(
      "invalid_input",
      `${path} has no rows: it needs a header row and one row per action.`,
    );
  const headed = (ws: ExcelJS.Worksheet) => {
    const sheet = { name: ws.name.trim(), ...sheetRows(ws) };
    return { sheet, table: headedTable(sheet.rows) };
  };
  // The first sheet is the plan, as it always was (a Priorities sheet aside). When it holds no
  // table of actions but a later sheet does (a summary or cover sheet first, or Plan Tracker's own
  // Excel report, whose actions are a sheet per priority and which leaves out columns that
  // importing it would then empty), that is said rather than a missing column. The later sheets
  // are read only then.
  const [firstSheet, ...laterSheets] = others;
  if (!firstSheet) return tableOf(prioritiesSheet as ExcelJS.Worksheet);
  const first = headed(firstSheet);
  const elsewhere = namesEveryRequiredColumn(first.table.header)
    ? []
    : laterSheets.map(headed).filter(({ table }) => namesEveryRequiredColumn(table.header));
  if (elsewhere.length > 0) {
    const names = elsewhere.map((t) => `“${t.sheet.name}”`).join(", ");
    throw new DomainError(
      "invalid_input",
      `${path}: the plan is read from the first sheet, “${first.sheet.name}”, which has no table of actions; ${elsewhere.length === 1 ? "sheet" : "sheets"} ${names} ${elsewhere.length === 1 ? "has one" : "have them"}. Move the plan's actions to the first sheet (one table, one header row), or save ${elsewhere.length === 1 ? "that sheet" : "each of those sheets"} as its own file and import it. To edit a plan exported from Plan Tracker, export it as CSV (plan-tracker export --format csv), change that and import it.`,
    );
  }
  const table: Table = { ...first.table, notes: first.sheet.notes };
  if (prioritiesSheet) table.priorities = tableOf(prioritiesSheet);
  return table;
}

type SheetRead = {
  name: string;
  rows: { rowNumber: number; cells: string[] }[];
  notes: CellNote[];
};

/** A sheet's rows as text, and the notes on cells that were not plain. */
function sheetRows(sheet: ExcelJS.Worksheet): Omit<SheetRead, "name"> {
  const rows: SheetRead["rows"] = [];
  const notes: CellNote[] = [];
  // Read once: exceljs counts the columns by walking every row, so asking per cell is quadratic.
  const columns = sheet.columnCount;
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    for (let c = 1; c <= columns; c++) {
      const read = xlsxCellText(row.getCell(c));
      cells.push(read.text);
      if (read.note) notes.push({ rowNumber, column: c - 1, reason: read.note });
    }
    rows.push({ rowNumber, cells });
  });
  return { rows, notes };
}

/** A sheet read as it is: its first row the header (the Priorities sheet). */
function tableOf(sheet: ExcelJS.Worksheet): Table {
  const { rows, notes } = sheetRows(sheet);
  const [first, ...rest] = rows;
  return { header: first?.cells.map((h) => h.trim()) ?? [], rows: rest, notes };
}

const isPrioritiesSheet = (name: string) => name.trim().toLowerCase() === "priorities";

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
