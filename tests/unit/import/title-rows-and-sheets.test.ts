import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { requiredColumnsNamed } from "../../../src/domain/headers.ts";
import { SAMPLE_PLAN } from "../../../src/domain/plan.ts";
import { planRowsToXlsx } from "../../../src/export/export-xlsx.ts";
import { toPlanRows } from "../../../src/export/plan-rows.ts";
import { readCsv, readTable } from "../../../src/import/read-table.ts";
import { sampleActions } from "../xlsx/sample-rows.ts";

/**
 * Councils put a title, a date line or a blank row above a plan's table, in CSV and in Excel: the
 * header is found below them, each row keeps the number a spreadsheet shows, and the report says
 * what was left out. A workbook whose first sheet has no table of actions (a cover or summary
 * sheet, or Plan Tracker's own Excel report) is refused with the sheets that have one named.
 */
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "plan-tracker-titles-"));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const csvCell = (text: string) => `"${text.replaceAll('"', '""')}"`;
/** A title line: any text that names none of the columns a plan needs ("#" would be its Ref). */
const titleLine = fc
  .array(fc.string({ maxLength: 30 }), { minLength: 1, maxLength: 3 })
  .filter((cells) => requiredColumnsNamed(cells) === 0 && cells.some((c) => c.trim() !== ""));
const HEADER = ["Ref", "Development Action", "Lead", "RAG"];

describe("rows above a plan's header", () => {
  it("are left out and said, whatever they hold, and every row keeps its own number", () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(titleLine, fc.constant([""])), { minLength: 1, maxLength: 5 }),
        (above) => {
          // The first line is a title: a header in the first line is read as always.
          fc.pre(above[0]?.some((c) => c.trim() !== "") === true);
          const lines = [...above, HEADER, ["CSC-01", "Do it", "HoS", "Amber"]];
          const text = lines.map((cells) => cells.map(csvCell).join(",")).join("\r\n");
          const table = readCsv(Buffer.from(text), "plan.csv");
          expect(table.header).toEqual(HEADER);
          expect(table.rows).toEqual([
            { rowNumber: above.length + 2, cells: ["CSC-01", "Do it", "HoS", "Amber"] },
          ]);
          expect(table.layout?.[0]).toMatch(/above the header row (was|were) not read/);
        },
      ),
    );
  });

  it("are not looked for when the first row is a header, even one missing a column", () => {
    const text = "Ref,Development Action\r\nCSC-01,Do it\r\nRef,Development Action,Lead\r\n";
    const table = readCsv(Buffer.from(text), "plan.csv");
    expect(table.header).toEqual(["Ref", "Development Action"]);
    expect(table.layout).toBeUndefined();
  });

  it("are found in a workbook's sheet too", async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet("Plan");
    sheet.addRow(["Children's Services Improvement Plan 2025–26"]);
    sheet.addRow([]);
    sheet.addRow(HEADER);
    sheet.addRow(["CSC-01", "Do it", "HoS", "Amber"]);
    const path = join(dir, "titled.xlsx");
    await book.xlsx.writeFile(path);
    const table = await readTable(path);
    expect(table.header).toEqual(HEADER);
    expect(table.rows).toEqual([{ rowNumber: 4, cells: ["CSC-01", "Do it", "HoS", "Amber"] }]);
    expect(table.layout).toEqual([
      "Row 1 above the header row was not read: “Children's Services Improvement Plan 2025–26”",
    ]);
  });
});

describe("a workbook whose first sheet has no table of actions", () => {
  it("is refused, naming the sheets that have one and how to import the plan", async () => {
    // Plan Tracker's own Excel report: a summary, then a sheet per priority.
    const rows = toPlanRows(await sampleActions(), []);
    const path = join(dir, "report.xlsx");
    await writeFile(path, await planRowsToXlsx(rows, SAMPLE_PLAN, { today: "2026-07-01" }));
    await expect(readTable(path)).rejects.toThrow(
      /the first sheet, “Summary”, which has no table of actions; sheets “P1 Transition to adulthood”, .*“P5 Children who become vulnerab” have them\..*export it as CSV \(plan-tracker export --format csv\)/,
    );
  });

  it("is read from its first sheet as always when no sheet has one, so its header is what is wrong", async () => {
    const book = new ExcelJS.Workbook();
    book.addWorksheet("Cover").addRow(["Our plan"]);
    book.addWorksheet("Actions").addRow(["Number", "What", "Who"]);
    const path = join(dir, "no-table.xlsx");
    await book.xlsx.writeFile(path);
    const table = await readTable(path);
    expect(table.header).toEqual(["Our plan"]);
  });
});
