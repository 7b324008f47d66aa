import { execFile, execFileSync } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SAMPLE_PLAN } from "../../src/domain/plan.ts";
import { planRowsToXlsx } from "../../src/export/export-xlsx.ts";
import { toPlanRows } from "../../src/export/plan-rows.ts";
import { reportDocx } from "../../src/report/report-docx.ts";
import { buildReportModel } from "../../src/report/report-model.ts";
import { inputs } from "../unit/report/report-fixtures.ts";
import { anUpdate, sampleActions } from "../unit/xlsx/sample-rows.ts";

/** LibreOffice is not part of the product or CI: this check runs where someone installed it to look. */
function hasLibreOffice(): boolean {
  try {
    execFileSync("soffice", ["--version"], { stdio: "ignore", timeout: 30_000 });
    return true;
  } catch {
    return false;
  }
}

/** Pages of a PDF LibreOffice wrote (its page objects are not compressed). */
const pageCount = (pdf: Buffer) =>
  pdf.toString("latin1").match(/\/Type\s*\/Page\b(?!s)/g)?.length ?? 0;

/** Opened and printed as a clerk would: both documents through LibreOffice to PDF. */
describe.skipIf(!hasLibreOffice())("the report and the board workbook in LibreOffice", () => {
  let dir: string;
  const pdfs: Record<string, Buffer> = {};

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "plan-tracker-print-"));
    const actions = await sampleActions();
    const updates = [anUpdate("CSC-05", "2026-Q3")];
    const model = buildReportModel(inputs(actions, updates, SAMPLE_PLAN));
    await writeFile(join(dir, "report.docx"), await reportDocx(model));
    const rows = toPlanRows(actions, updates);
    await writeFile(
      join(dir, "board.xlsx"),
      await planRowsToXlsx(rows, SAMPLE_PLAN, { today: "2026-12-15" }),
    );
    // Its own profile folder, so a LibreOffice someone has open does not take the conversion.
    await promisify(execFile)(
      "soffice",
      [
        `-env:UserInstallation=file://${join(dir, "profile")}`,
        "--headless",
        "--convert-to",
        "pdf",
        "--outdir",
        dir,
        join(dir, "report.docx"),
        join(dir, "board.xlsx"),
      ],
      { timeout: 120_000 },
    );
    for (const name of ["report", "board"]) pdfs[name] = await readFile(join(dir, `${name}.pdf`));
  }, 150_000);

  afterAll(() => rm(dir, { recursive: true, force: true }));

  it("opens the Word report and prints it over a sensible number of pages", () => {
    const pages = pageCount(pdfs.report as Buffer);
    expect(pages).toBeGreaterThanOrEqual(5);
    expect(pages).toBeLessThanOrEqual(40);
  });

  it("prints the board workbook readably: priority 3's sixteen actions need more than one page", () => {
    // Six sheets; before the print set-up each came out as one page of micro text (6 pages).
    const pages = pageCount(pdfs.board as Buffer);
    expect(pages).toBeGreaterThan(6);
    expect(pages).toBeLessThanOrEqual(15);
  });
});
