// Types only: exceljs itself (~30 MB resident) loads on the first Excel file, not with the server.
import type ExcelJS from "exceljs";
import type { Plan } from "../domain/plan.ts";
import type { PlanRow } from "../import/plan-rows.ts";

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

const COLUMNS: Column[] = [
  { header: "Ref", width: 10, value: (r) => r.ref },
  { header: "Priority", width: 9, value: (r) => r.priorities.join(";") },
  { header: "Section", width: 24, value: (r) => r.section },
  { header: "Delivery Area", width: 22, value: (r) => r.deliveryArea },
  { header: "Development Action", width: 60, value: (r) => text(r.developmentAction) },
  { header: "Lead", width: 26, value: (r) => r.lead },
  {
    header: "Completion Date",
    width: 16,
    date: true,
    value: (r) => (r.dueDate ? excelDate(r.dueDate) : r.completionDate || "No date"),
  },
  { header: "RAG", width: 11, value: (r) => r.rag ?? "Not rated" },
  { header: "Complete", width: 10, value: (r) => (r.complete ? "Yes" : "No") },
  { header: "Signed Off", width: 10, value: (r) => (r.signedOff ? "Yes" : "No") },
  { header: "Latest Update", width: 60, value: (r) => text(r.latestUpdate?.progress ?? "") },
  { header: "Update Quarter", width: 12, value: (r) => r.latestUpdate?.quarter ?? "" },
  { header: "Proposed RAG", width: 11, value: (r) => r.latestUpdate?.proposedRag ?? "" },
  { header: "Update State", width: 14, value: (r) => updateState(r.latestUpdate?.state) },
  { header: "Updated By", width: 20, value: (r) => r.latestUpdate?.by ?? "" },
  {
    header: "Revised Date",
    width: 14,
    date: true,
    value: (r) => (r.latestUpdate?.revisedDate ? excelDate(r.latestUpdate.revisedDate) : ""),
  },
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
  addSummary(book, rows, plan, options.today);
  const names = new Set<string>(["summary"]);
  for (const priority of plan.priorities) {
    const mine = rows.filter((r) => r.priorities.includes(priority.number));
    addActionsSheet(book, uniqueSheetName(`P${priority.number} ${priority.name}`, names), mine);
  }
  const unassigned = rows.filter((r) => r.priorities.length === 0);
  if (unassigned.length > 0)
    addActionsSheet(book, uniqueSheetName("No priority", names), unassigned);
  return Buffer.from(await book.xlsx.writeBuffer());
}

function addSummary(book: ExcelJS.Workbook, rows: PlanRow[], plan: Plan, today?: string): void {
  const sheet = book.addWorksheet("Summary", { views: [{ state: "frozen", ySplit: 1 }] });
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
  sheet.addRow(line("Whole plan", rows)).font = { bold: true };
  styleHeader(sheet);
  for (const [col, rag] of [
    [2, "Red"],
    [3, "Amber"],
    [4, "Green"],
  ] as const) {
    const style = RAG_STYLE[rag] as { fill: string; font: string };
    const cell = sheet.getRow(1).getCell(col);
    cell.fill = solid(style.fill);
    cell.font = { bold: true, color: { argb: style.font } };
  }
  printSetup(sheet);
}

function addActionsSheet(book: ExcelJS.Workbook, name: string, rows: PlanRow[]): void {
  const columns = [...COLUMNS, ...extraColumns(rows)];
  const sheet = book.addWorksheet(name, { views: [{ state: "frozen", ySplit: 1, xSplit: 1 }] });
  sheet.columns = columns.map((c) => ({ header: c.header, width: c.width }));
  for (const r of rows) sheet.addRow(columns.map((c) => c.value(r)));
  styleHeader(sheet);
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  sheet.eachRow((row, n) => {
    if (n === 1) return;
    row.alignment = { vertical: "top", wrapText: true };
    columns.forEach((column, i) => {
      const cell = row.getCell(i + 1);
      if (column.date) cell.numFmt = "dd/mm/yyyy";
      const style = RAG_HEADERS.has(column.header) ? RAG_STYLE[String(cell.value)] : undefined;
      if (style) {
        cell.fill = solid(style.fill);
        cell.font = { bold: true, color: { argb: style.font } };
      }
    });
  });
  printSetup(sheet);
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
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: "middle", wrapText: true };
  header.eachCell((cell) => {
    cell.fill = solid(HEADER_FILL);
  });
}

/** Board papers are printed: landscape, one page wide, the header repeated on every page. */
function printSetup(sheet: ExcelJS.Worksheet): void {
  sheet.pageSetup = {
    orientation: "landscape",
    paperSize: 9, // A4
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    printTitlesRow: "1:1",
  };
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
