import ExcelJS from "exceljs";
import type { Plan } from "../domain/plan.ts";
import type { PlanRow } from "./plan-rows.ts";

/** RAG fills a board report reader expects, with the word in the cell too (never colour alone). */
const RAG_FILL: Record<string, { fill: string; font: string }> = {
  Red: { fill: "FFC00000", font: "FFFFFFFF" },
  Amber: { fill: "FFFFC000", font: "FF000000" },
  Green: { fill: "FF00B050", font: "FF000000" },
};

const COLUMNS: { header: string; width: number; value: (r: PlanRow) => ExcelJS.CellValue }[] = [
  { header: "Ref", width: 10, value: (r) => r.ref },
  { header: "Priority", width: 9, value: (r) => r.priorities.join(";") },
  { header: "Section", width: 24, value: (r) => r.section },
  { header: "Delivery Area", width: 22, value: (r) => r.deliveryArea },
  { header: "Development Action", width: 60, value: (r) => r.developmentAction },
  { header: "Lead", width: 26, value: (r) => r.lead },
  { header: "Completion Date", width: 16, value: (r) => (r.dueDate ? excelDate(r.dueDate) : r.completionDate || "No date") },
  { header: "RAG", width: 10, value: (r) => r.rag ?? "Not rated" },
  { header: "Complete", width: 10, value: (r) => (r.complete ? "Yes" : "No") },
  { header: "Signed Off", width: 10, value: (r) => (r.signedOff ? "Yes" : "No") },
  { header: "Latest Update", width: 60, value: (r) => r.latestUpdate?.progress ?? "" },
  { header: "Update Quarter", width: 12, value: (r) => r.latestUpdate?.quarter ?? "" },
  { header: "Update State", width: 14, value: (r) => r.latestUpdate?.state ?? "" },
  { header: "Latest Decision", width: 14, value: (r) => r.latestDecision?.outcome ?? "" },
  { header: "Decided By", width: 20, value: (r) => r.latestDecision?.by ?? "" },
];

/** The board report: a summary sheet, then a sheet per priority, each filterable with a frozen header. */
export async function planRowsToXlsx(rows: PlanRow[], plan: Plan): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = "Plan Tracker";
  addSummary(book, rows, plan);
  for (const priority of plan.priorities) {
    const mine = rows.filter((r) => r.priorities.includes(priority.number));
    addActionsSheet(book, sheetName(`P${priority.number} ${priority.name}`), mine);
  }
  const unassigned = rows.filter((r) => r.priorities.length === 0);
  if (unassigned.length > 0) addActionsSheet(book, "No priority", unassigned);
  return Buffer.from(await book.xlsx.writeBuffer());
}

function addSummary(book: ExcelJS.Workbook, rows: PlanRow[], plan: Plan): void {
  const sheet = book.addWorksheet("Summary", { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = [
    { header: "Priority", width: 60 },
    { header: "Red", width: 8 },
    { header: "Amber", width: 8 },
    { header: "Green", width: 8 },
    { header: "Not rated", width: 10 },
    { header: "Total", width: 8 },
  ];
  for (const p of plan.priorities) {
    const mine = rows.filter((r) => r.priorities.includes(p.number));
    const count = (rag: string | null) => mine.filter((r) => r.rag === rag).length;
    sheet.addRow([`${p.number}. ${p.name}`, count("Red"), count("Amber"), count("Green"), count(null), mine.length]);
  }
  styleHeader(sheet);
  for (const [col, rag] of [[2, "Red"], [3, "Amber"], [4, "Green"]] as const) {
    const style = RAG_FILL[rag];
    if (style) sheet.getRow(1).getCell(col).fill = solid(style.fill);
    if (style) sheet.getRow(1).getCell(col).font = { bold: true, color: { argb: style.font } };
  }
}

function addActionsSheet(book: ExcelJS.Workbook, name: string, rows: PlanRow[]): void {
  const sheet = book.addWorksheet(name, { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = COLUMNS.map((c) => ({ header: c.header, width: c.width }));
  for (const r of rows) sheet.addRow(COLUMNS.map((c) => c.value(r)));
  styleHeader(sheet);
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: COLUMNS.length } };
  const dateCol = COLUMNS.findIndex((c) => c.header === "Completion Date") + 1;
  const ragCol = COLUMNS.findIndex((c) => c.header === "RAG") + 1;
  sheet.eachRow((row, n) => {
    if (n === 1) return;
    row.alignment = { vertical: "top", wrapText: true };
    row.getCell(dateCol).numFmt = "dd/mm/yyyy";
    const style = RAG_FILL[String(row.getCell(ragCol).value)];
    if (style) {
      row.getCell(ragCol).fill = solid(style.fill);
      row.getCell(ragCol).font = { bold: true, color: { argb: style.font } };
    }
  });
}

function styleHeader(sheet: ExcelJS.Worksheet): void {
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.fill = solid("FFD9E1F2");
}

const solid = (argb: string): ExcelJS.Fill => ({ type: "pattern", pattern: "solid", fgColor: { argb } });

/** Excel dates are real dates at midnight UTC, so every viewer shows the same day. */
function excelDate(iso: string): Date {
  return new Date(`${iso}T00:00:00Z`);
}

/** Sheet names: at most 31 characters, none of : \ / ? * [ ] */
function sheetName(name: string): string {
  return name.replace(/[:\\/?*[\]]/g, " ").slice(0, 31).trim();
}
