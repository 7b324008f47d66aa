import { parse } from "csv-parse/sync";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { planRowsToCsv } from "../../../src/export/export-csv.ts";
import type { PlanRow } from "../../../src/export/plan-rows.ts";
import { guardFormulaCell, unguardFormulaCell } from "../../../src/import/formula-cells.ts";
import { readCsv } from "../../../src/import/read-table.ts";

const FORMULA_START = /^[=+\-@\t\r]/;

// Texts made mostly of the characters that matter here, so the edge cases come up often.
const tricky = fc.string({
  unit: fc.oneof(
    fc.constantFrom("=", "+", "-", "@", "\t", "\r", "\n", "'", '"', ",", " "),
    fc.string({ minLength: 1, maxLength: 1 }),
  ),
});

describe("formula cells in CSV", () => {
  it("reads back every text exactly as it was guarded", () => {
    fc.assert(
      fc.property(fc.oneof(tricky, fc.string()), (text) => {
        expect(unguardFormulaCell(guardFormulaCell(text))).toBe(text);
      }),
      { numRuns: 2_000 },
    );
  });

  it("never writes a cell that starts with a formula character", () => {
    fc.assert(
      fc.property(fc.oneof(tricky, fc.string()), (text) => {
        expect(guardFormulaCell(text)).not.toMatch(FORMULA_START);
      }),
      { numRuns: 2_000 },
    );
  });

  it.each([
    ['=HYPERLINK("http://evil.example","x")', `'=HYPERLINK("http://evil.example","x")`],
    ["+1", "'+1"],
    ["-5", "'-5"],
    ["- did X\n- did Y", "'- did X\n- did Y"],
    ["@SUM(A1:A2)", "'@SUM(A1:A2)"],
    ["\tindented", "'\tindented"],
    ["\rreturn", "'\rreturn"],
    ["'=already quoted", "''=already quoted"],
    ["O'Neill", "O'Neill"],
    ["'quoted'", "'quoted'"],
    ["Sept 22", "Sept 22"],
    ["", ""],
  ])("writes %j as %j", (text, cell) => {
    expect(guardFormulaCell(text)).toBe(cell);
    expect(unguardFormulaCell(cell)).toBe(text);
  });

  it("round-trips any cell text through a whole exported CSV file", () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(tricky, fc.string()), { minLength: 1, maxLength: 6 }),
        (texts) => {
          const rows = texts.map((text, index) => row(`R-${index}`, text));
          const csv = planRowsToCsv(rows);
          const table = readCsv(Buffer.from(csv), "export.csv");
          // What a spreadsheet program sees: the cells as written, before the importer reads them.
          const written = (parse(csv, { relax_column_count: true }) as string[][]).flat();
          expect(written.filter((cell) => FORMULA_START.test(cell))).toEqual([]);
          const progressColumn = table.header.indexOf("Latest Update");
          const developmentColumn = table.header.indexOf("Development Action");
          expect(table.rows.map((r) => r.cells[progressColumn])).toEqual(texts);
          expect(table.rows.map((r) => r.cells[developmentColumn])).toEqual(texts);
        },
      ),
      { numRuns: 300 },
    );
  });
});

function row(ref: string, text: string): PlanRow {
  return {
    planId: "default",
    planName: "Plan",
    ref,
    priorities: [1],
    section: "",
    deliveryArea: "",
    developmentAction: text,
    expectedOutcome: "",
    lead: "IRO",
    completionDate: "30/11/2026",
    dueDate: "2026-11-30",
    rag: "Amber",
    complete: false,
    signedOff: false,
    actionWeWillTake: "",
    howWillWeKnow: "",
    progressUpdate: "",
    extra: {},
    latestUpdate: {
      quarter: "2026-Q3",
      progress: text,
      difference: text,
      nextSteps: text,
      proposedRag: "Amber",
      state: "submitted",
      by: "Jo Morgan",
      at: "2026-10-01T09:00:00.000Z",
      revisedDate: null,
      evidenceUrl: "",
    },
    latestDecision: null,
  };
}
