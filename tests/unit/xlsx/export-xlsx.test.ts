import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { SAMPLE_PLAN } from "../../../src/domain/plan.ts";
import { planRowsToXlsx } from "../../../src/export/export-xlsx.ts";
import { toPlanRows } from "../../../src/export/plan-rows.ts";
import { anUpdate, sampleActions } from "./sample-rows.ts";

/** Row 1 is each sheet's title; the column headers are row 2. */
const HEADER_ROW = 2;

/** Finds a sheet's column by its header text. */
function columnOf(sheet: ExcelJS.Worksheet, header: string): number {
  let found = 0;
  sheet.getRow(HEADER_ROW).eachCell((cell, col) => {
    if (cell.value === header) found = col;
  });
  if (!found) throw new Error(`no column "${header}" on ${sheet.name}`);
  return found;
}

function findRow(sheet: ExcelJS.Worksheet, ref: string): ExcelJS.Row | undefined {
  for (let n = HEADER_ROW + 1; n <= sheet.rowCount; n++) {
    if (sheet.getRow(n).getCell(1).value === ref) return sheet.getRow(n);
  }
  return undefined;
}

function rowOf(sheet: ExcelJS.Worksheet, ref: string): ExcelJS.Row {
  const row = findRow(sheet, ref);
  if (!row) throw new Error(`${ref} is not on ${sheet.name}`);
  return row;
}

const fillOf = (cell: ExcelJS.Cell) =>
  (cell.fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb;

describe("the Excel board report of the sample plan", () => {
  let book: ExcelJS.Workbook;
  beforeAll(async () => {
    const rows = toPlanRows(await sampleActions(), [
      anUpdate("CSC-01", "2026-Q1"),
      anUpdate("CSC-02", "2026-Q1", {
        state: "approved",
        proposedRag: "Red",
        revisedDate: "2026-12-31",
        decision: {
          outcome: "approved",
          by: "dmt@council.gov.uk",
          byName: "Sam Director",
          at: "2026-06-25T10:00:00.000Z",
          comment: "",
        },
      }),
    ]);
    const bytes = await planRowsToXlsx(rows, SAMPLE_PLAN, { today: "2026-07-01" });
    book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes as unknown as ArrayBuffer);
  });

  it("has a summary sheet then one sheet per priority", () => {
    expect(book.worksheets.map((s) => s.name)).toEqual([
      "Summary",
      "P1 Transition to adulthood",
      "P2 Emotional Health and Wellbei",
      "P3 Protecting children at risk",
      "P4 Tackling Domestic Abuse",
      "P5 Children who become vulnerab",
    ]);
  });

  it("counts each priority's RAG on the summary, with the whole plan on the last line", () => {
    const summary = book.getWorksheet("Summary") as ExcelJS.Worksheet;
    const last = summary.getRow(summary.rowCount);
    expect(last.getCell(1).value).toBe("Whole plan");
    const red = Number(last.getCell(columnOf(summary, "Red")).value);
    const amber = Number(last.getCell(columnOf(summary, "Amber")).value);
    const green = Number(last.getCell(columnOf(summary, "Green")).value);
    const unrated = Number(last.getCell(columnOf(summary, "Not rated")).value);
    expect(red + amber + green + unrated).toBe(19);
    expect(last.getCell(columnOf(summary, "Total")).value).toBe(19);
    expect(last.getCell(columnOf(summary, "Awaiting sign-off")).value).toBe(1);
    // Every sample action's date is in 2022-23, long before the report date, and none is complete.
    expect(Number(last.getCell(columnOf(summary, "Overdue")).value)).toBeGreaterThan(0);
  });

  it("fills every RAG cell with its colour and keeps the word in it", () => {
    const sheet = book.getWorksheet("P3 Protecting children at risk") as ExcelJS.Worksheet;
    const rag = columnOf(sheet, "RAG");
    const seen = new Map<string, string | undefined>();
    for (let n = HEADER_ROW + 1; n <= sheet.rowCount; n++) {
      const cell = sheet.getRow(n).getCell(rag);
      seen.set(String(cell.value), fillOf(cell));
    }
    expect(seen.get("Green")).toBe("FF00B050");
    for (const [word, fill] of seen) {
      if (word === "Red") expect(fill).toBe("FFC00000");
      if (word === "Amber") expect(fill).toBe("FFFFC000");
      if (word === "Not rated") expect(fill).toBeUndefined();
    }
  });

  it("freezes the header and the Ref column, and offers filters on every action sheet", () => {
    for (const sheet of book.worksheets.slice(1)) {
      expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: HEADER_ROW, xSplit: 1 });
      expect(sheet.autoFilter).toBeTruthy();
      expect(sheet.getColumn(columnOf(sheet, "Development Action")).width).toBeGreaterThanOrEqual(
        40,
      );
    }
    expect(book.getWorksheet("Summary")?.views[0]).toMatchObject({
      state: "frozen",
      ySplit: HEADER_ROW,
    });
  });

  it("writes completion and revised dates as real Excel dates shown day first", () => {
    const sheet = book.getWorksheet("P3 Protecting children at risk") as ExcelJS.Worksheet;
    const row = rowOf(sheet, "CSC-01");
    const due = row.getCell(columnOf(sheet, "Completion Date"));
    expect(due.value).toBeInstanceOf(Date);
    // The sample plan says "March 2022": a month alone means its last day.
    expect((due.value as Date).toISOString().slice(0, 10)).toBe("2022-03-31");
    expect(due.numFmt).toBe("dd/mm/yyyy");
  });

  it("shows the latest update and decision next to each action", () => {
    const holder = book.worksheets.slice(1).find((sheet) => findRow(sheet, "CSC-02"));
    if (!holder) throw new Error("CSC-02 is on no priority sheet");
    const row = rowOf(holder, "CSC-02");
    expect(row.getCell(columnOf(holder, "Latest Decision")).value).toBe("Approved");
    expect(row.getCell(columnOf(holder, "Decided By")).value).toBe("Sam Director");
    expect(row.getCell(columnOf(holder, "Revised Date")).value).toEqual(
      new Date("2026-12-31T00:00:00Z"),
    );
    expect(fillOf(row.getCell(columnOf(holder, "Proposed RAG")))).toBe("FFC00000");
  });

  it("titles every sheet with the plan, the quarter and the day it is as at", () => {
    for (const sheet of book.worksheets) {
      const title = String(sheet.getCell("A1").value);
      expect(title, sheet.name).toContain(SAMPLE_PLAN.name);
      expect(title, sheet.name).toContain("July to September 2026 (2026-Q2)");
      expect(title, sheet.name).toContain("as at 1 July 2026");
      expect(sheet.getCell("A1").isMerged, sheet.name).toBe(true);
    }
    expect(
      String(book.getWorksheet("P3 Protecting children at risk")?.getCell("A1").value),
    ).toContain("Priority 3: Protecting children at risk of harm");
  });

  it("prints every sheet landscape, one page wide, the title and headers on every page", () => {
    for (const sheet of book.worksheets) {
      expect(sheet.pageSetup, sheet.name).toMatchObject({
        orientation: "landscape",
        paperSize: 9,
        fitToPage: true,
        fitToWidth: 1,
        fitToHeight: 0,
        printTitlesRow: "1:2",
      });
      expect(sheet.headerFooter.oddFooter, sheet.name).toContain("Page &P of &N");
    }
    // The action sheets print Ref to Revised Date: readable, not every detail column shrunk to fit.
    const p3 = book.getWorksheet("P3 Protecting children at risk") as ExcelJS.Worksheet;
    expect(p3.pageSetup.printArea).toBe(`A1:H${p3.rowCount}`);
    const printed = Array.from({ length: 8 }, (_, i) => p3.getRow(HEADER_ROW).getCell(i + 1).value);
    expect(printed).toEqual([
      "Ref",
      "Development Action",
      "Lead",
      "Completion Date",
      "RAG",
      "Latest Update",
      "Update State",
      "Revised Date",
    ]);
    const width = printed.reduce<number>((sum, _, i) => sum + (p3.getColumn(i + 1).width ?? 0), 0);
    expect(width).toBeLessThanOrEqual(175);
  });

  it("wraps long text in its cells", () => {
    const sheet = book.getWorksheet("P3 Protecting children at risk") as ExcelJS.Worksheet;
    const cell = rowOf(sheet, "CSC-01").getCell(columnOf(sheet, "Development Action"));
    expect(cell.alignment).toMatchObject({ wrapText: true, vertical: "top" });
  });
});
