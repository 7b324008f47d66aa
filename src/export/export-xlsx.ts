// Types only: exceljs itself (~30 MB resident) loads on the first Excel file, not with the server.
import type ExcelJS from "exceljs";
import { quarterLabel, quarterOf } from "../domain/calendar.ts";
import { formatLongDate } from "../domain/iso-date.ts";
import type { Plan } from "../domain/plan.ts";
import type { PlanRow } from "./plan-rows.ts";

/** RAG fills a board report reader expects, with the word in the cell too (never colour alone). */
const RAG_STYLE: Record<string, { fill: string; font: string }> = {
  Red: { fill: "FFC00000", font: "FFFFFFFF" },
  Amber: { fill: "FFFFC000", font: "FF000000" },
  Green: { fill: "FF00B050", font: "FF000000" },
};
const HEADER_FILL = "FFD9E1F2";
/** Excel refuses longer cell text; a very long progress narrative is cut with a note. */
const MAX_CELL_TEXT = 32_000;

type Column = {
  header: string;
  width: number;
  date?: boolean;
  value: (r: PlanRow) => ExcelJS.CellValue;
};

/**
 * The columns a board reads come first, so that they alone are the printed page (`PRINTED_COLUMNS`)
 * at a readable size; the detail after them stays in the sheet for anyone working in Excel.
 */
const COLUMNS: Column[] = [
  { header: "Ref", width: 10, value: (r) => r.ref },
  { header: "Development Action", width: 45, value: (r) => text(r.developmentAction) },
  { header: "Lead", width: 20, value: (r) => r.lead },
  {
    header: "Completion Date",
    width: 13,
    date: true,
    value: (r) => (r.dueDate ? excelDate(r.dueDate) : r.completionDate || "No date"),
  },
  { header: "RAG", width: 10, value: (r) => r.rag ?? "Not rated" },
  { header: "Latest Update", width: 50, value: (r) => text(r.latestUpdate?.progress ?? "") },
  { header: "Update State", width: 13, value: (r) => updateState(r.latestUpdate?.state) },
  {
    header: "Revised Date",
    width: 12,
    date: true,
    value: (r) => (r.latestUpdate?.revisedDate ? excelDate(r.latestUpdate.revisedDate) : ""),
  },
  {
    header: "Difference Made",
    width: 40,
    value: (r) => text(r.latestUpdate?.difference ?? ""),
  },
  {
    header: "What Happens Next",
    width: 40,
    value: (r) => text(r.latestUpdate?.nextSteps ?? ""),
  },
  { header: "Priority", width: 9, value: (r) => r.priorities.join(";") },
  { header: "Section", width: 24, value: (r) => r.section },
  { header: "Delivery Area", width: 22, value: (r) => r.deliveryArea },
  { header: "Complete", width: 10, value: (r) => (r.complete ? "Yes" : "No") },
  { header: "Signed Off", width: 10, value: (r) => (r.signedOff ? "Yes" : "No") },
  { header: "Update Quarter", width: 12, value: (r) => r.latestUpdate?.quarter ?? "" },
  { header: "Proposed RAG", width: 11, value: (r) => r.latestUpdate?.proposedRag ?? "" },
  { header: "Updated By", width: 20, value: (r) => r.latestUpdate?.by ?? "" },
  {
    header: "Latest Decision",
    width: 14,
    value: (r) => capitalise(r.latestDecision?.outcome ?? ""),
  },
  { header: "Decided By", width: 20, value: (r) => r.latestDecision?.by ?? "" },
  {
    header: "Decided On",
    width: 14,
    date: true,
    value: (r) => (r.latestDecision ? excelDate(r.latestDecision.at.slice(0, 10)) : ""),
  },
  { header: "Decision Comment", width: 40, value: (r) => text(r.latestDecision?.comment ?? "") },
];
const RAG_HEADERS = new Set(["RAG", "Proposed RAG"]);
/** Ref to Revised Date: about 170 characters wide, printed at roughly 80% on A4 landscape. */
const PRINTED_COLUMNS = 8;
/** The sheet's title is row 1; the column headers are row 2. */
const HEADER_ROW = 2;

export interface XlsxOptions {
  /** Today in the plan's time zone, for the summary's overdue count; without it the column is left out. */
  today?: string;
}

/** The board report: a summary sheet, then a sheet per priority, each filterable with a frozen header. */
export async function planRowsToXlsx(
  rows: PlanRow[],
  plan: Plan,
  options: XlsxOptions = {},
): Promise<Buffer> {
  const { default: Excel } = await import("exceljs");
  const book = new Excel.Workbook();
  book.creator = "Plan Tracker";
  book.title = plan.name;
  const title = titleOf(plan, options.today);
  addSummary(book, rows, plan, options.today, title);
  const names = new Set<string>(["summary"]);
  for (const priority of plan.priorities) {
    const mine = rows.filter((r) => r.priorities.includes(priority.number));
    const name = uniqueSheetName(`P${priority.number} ${priority.name}`, names);
    addActionsSheet(book, name, mine, title(`Priority ${priority.number}: ${priority.name}`));
  }
  const unassigned = rows.filter((r) => r.priorities.length === 0);
  if (unassigned.length > 0)
    addActionsSheet(
      book,
      uniqueSheetName("No priority", names),
      unassigned,
      title("Actions under no priority"),
    );
  return Buffer.from(await book.xlsx.writeBuffer());
}

/**
 * Each sheet's title row: "SEND plan: Priority 2 — October to December 2026 — as at 7 December
 * 2026", so a printed page says what it is and how current.
 */
function titleOf(plan: Plan, today?: string): (subject: string) => string {
  const when = today
    ? ` \u2014 ${quarterLabel(quarterOf(today))} \u2014 as at ${formatLongDate(today)}`
    : "";
  return (subject) => `${plan.name}: ${subject}${when}`;
}

function addSummary(
  book: ExcelJS.Workbook,
  rows: PlanRow[],
  plan: Plan,
  today: string | undefined,
  title: (subject: string) => string,
): void {
  const sheet = book.addWorksheet("Summary", { views: [{ state: "frozen", ySplit: HEADER_ROW }] });
  const columns = [
    { header: "Priority", width: 60 },
    { header: "Red", width: 8 },
    { header: "Amber", width: 8 },
    { header: "Green", width: 8 },
    { header: "Not rated", width: 10 },
    { header: "Total", width: 8 },
    { header: "Awaiting sign-off", width: 18 },
    ...(today ? [{ header: "Overdue", width: 10 }] : []),
  ];
  sheet.columns = columns;
  const line = (label: string, mine: PlanRow[]) => {
    const count = (rag: string | null) => mine.filter((r) => r.rag === rag).length;
    const awaiting = mine.filter((r) => r.latestUpdate?.state === "submitted").length;
    const overdue = mine.filter(
      (r) => !r.complete && r.dueDate !== null && today && r.dueDate < today,
    ).length;
    return [
      label,
      count("Red"),
      count("Amber"),
      count("Green"),
      count(null),
      mine.length,
      awaiting,
      ...(today ? [overdue] : []),
    ];
  };
  for (const p of plan.priorities) {
    sheet.addRow(
      line(
        `${p.number}. ${p.name}`,
        rows.filter((r) => r.priorities.includes(p.number)),
      ),
    );
  }
  // An action serving two priorities is counted once in the whole plan.
  sheet.addRow(line("Whole plan", rows)).font = { name: "Calibri", family: 2, bold: true };
  addTitleRow(sheet, title("summary of RAG ratings by priority"), columns.length);
  // A long priority name wraps within its column instead of running under the counts.
  sheet.eachRow((row, n) => {
    if (n <= HEADER_ROW) return;
    row.getCell(1).alignment = { vertical: "top", wrapText: true };
    row.height = wrappedHeight(row, columns.slice(0, 1));
  });
  styleHeader(sheet);
  for (const [col, rag] of [
    [2, "Red"],
    [3, "Amber"],
    [4, "Green"],
  ] as const) {
    const style = RAG_STYLE[rag] as { fill: string; font: string };
    const cell = sheet.getRow(HEADER_ROW).getCell(col);
    cell.fill = solid(style.fill);
    cell.font = { name: "Calibri", family: 2, bold: true, color: { argb: style.font } };
  }
  printSetup(sheet, columns.length);
}

function addActionsSheet(
  book: ExcelJS.Workbook,
  name: string,
  rows: PlanRow[],
  title: string,
): void {
  const columns = [...COLUMNS, ...extraColumns(rows)];
  const sheet = book.addWorksheet(name, {
    views: [{ state: "frozen", ySplit: HEADER_ROW, xSplit: 1 }],
  });
  sheet.columns = columns.map((c) => ({ header: c.header, width: c.width }));
  for (const r of rows) sheet.addRow(columns.map((c) => c.value(r)));
  addTitleRow(sheet, title, PRINTED_COLUMNS);
  styleHeader(sheet);
  sheet.autoFilter = {
    from: { row: HEADER_ROW, column: 1 },
    to: { row: HEADER_ROW, column: columns.length },
  };
  sheet.eachRow((row, n) => {
    if (n <= HEADER_ROW) return;
    row.alignment = { vertical: "top", wrapText: true };
    row.height = wrappedHeight(row, columns.slice(0, PRINTED_COLUMNS));
    columns.forEach((column, i) => {
      const cell = row.getCell(i + 1);
      if (column.date) cell.numFmt = "dd/mm/yyyy";
      const style = RAG_HEADERS.has(column.header) ? RAG_STYLE[String(cell.value)] : undefined;
      if (style) {
        cell.fill = solid(style.fill);
        cell.font = { name: "Calibri", family: 2, bold: true, color: { argb: style.font } };
      }
    });
  });
  printSetup(sheet, PRINTED_COLUMNS);
}

/** Points per line of 11pt text, and the most lines a row is given (Excel's limit is 409 points). */
const LINE_POINTS = 15;
const MAX_ROW_POINTS = 409;

/**
 * A row tall enough for its longest wrapped printed cell (the detail columns after them wrap too,
 * and show whole when the row is opened up). Neither Excel nor LibreOffice sizes rows to
 * wrapped text when opening a file, so without a height a long narrative prints as one clipped line.
 */
function wrappedHeight(row: ExcelJS.Row, columns: readonly Pick<Column, "width">[]): number {
  let lines = 1;
  columns.forEach((column, i) => {
    const value = row.getCell(i + 1).value;
    if (typeof value !== "string" || value === "") return;
    // About 1.15 characters of 11pt text per unit of column width, less a little for padding.
    const perLine = Math.max(1, Math.floor(column.width * 1.15) - 3);
    const needed = value
      .split(/\r?\n/)
      .reduce((sum, paragraph) => sum + Math.max(1, Math.ceil(paragraph.length / perLine)), 0);
    lines = Math.max(lines, needed);
  });
  return Math.min(MAX_ROW_POINTS, lines * LINE_POINTS);
}

/** Row 1: the sheet's title across the printed columns, above the column headers. */
function addTitleRow(sheet: ExcelJS.Worksheet, title: string, across: number): void {
  sheet.spliceRows(1, 0, [title]);
  sheet.mergeCells(1, 1, 1, across);
  const row = sheet.getRow(1);
  row.font = { name: "Calibri", family: 2, bold: true, size: 14 };
  // Two lines: a long plan name and its quarter and date still fit the printed width.
  row.height = 40;
  row.alignment = { vertical: "middle", wrapText: true };
}

/** The plan's own columns the product has no field for, after the report's, under their own headers. */
function extraColumns(rows: PlanRow[]): Column[] {
  const headers = [...new Set(rows.flatMap((r) => Object.keys(r.extra)))];
  return headers.map((header) => ({
    header,
    width: 24,
    value: (r) => text(r.extra[header] ?? ""),
  }));
}

function styleHeader(sheet: ExcelJS.Worksheet): void {
  const header = sheet.getRow(HEADER_ROW);
  header.font = { name: "Calibri", family: 2, bold: true };
  header.alignment = { vertical: "middle", wrapText: true };
  header.eachCell((cell) => {
    cell.fill = solid(HEADER_FILL);
  });
}

/**
 * Board papers are printed: A4 landscape, the printed columns one page wide and as many pages
 * long as they need, the title and header rows repeated on every page, numbered pages.
 */
function printSetup(sheet: ExcelJS.Worksheet, printedColumns: number): void {
  const lastColumn = sheet.getColumn(printedColumns).letter;
  sheet.pageSetup = {
    orientation: "landscape",
    paperSize: 9, // A4
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    // exceljs puts a $ before each part; the row's own $ makes the range absolute, which
    // LibreOffice needs before it honours the print area.
    printArea: `A$1:${lastColumn}$${Math.max(sheet.rowCount, HEADER_ROW)}`,
    printTitlesRow: `1:${HEADER_ROW}`,
    margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.6, header: 0.3, footer: 0.3 },
  };
  sheet.headerFooter = { oddFooter: "&LPlan Tracker&CPage &P of &N&R&A" };
}

const solid = (argb: string): ExcelJS.Fill => ({
  type: "pattern",
  pattern: "solid",
  fgColor: { argb },
});

/** Excel dates are real dates at midnight UTC, so every viewer shows the same day. */
function excelDate(iso: string): Date {
  return new Date(`${iso}T00:00:00Z`);
}

function text(value: string): string {
  return value.length <= MAX_CELL_TEXT
    ? value
    : `${value.slice(0, MAX_CELL_TEXT)}… (cut: see Plan Tracker for the full text)`;
}

function capitalise(word: string): string {
  return word ? `${word[0]?.toUpperCase()}${word.slice(1)}` : "";
}

function updateState(state: string | undefined): string {
  if (state === "submitted") return "Awaiting sign-off";
  return capitalise(state ?? "");
}

/** Sheet names: at most 31 characters, none of : \ / ? * [ ], unique ignoring case. */
function uniqueSheetName(wanted: string, taken: Set<string>): string {
  const base = wanted
    .replace(/[:\\/?*[\]]/g, " ")
    .slice(0, 31)
    .trim();
  let name = base;
  for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${base.slice(0, 27).trim()} (${n})`;
  taken.add(name.toLowerCase());
  return name;
}
