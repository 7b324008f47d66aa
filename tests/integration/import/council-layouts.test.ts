import { readFileSync, writeFileSync } from "node:fs";
import { rm } from "node:fs/promises";
import { parse } from "csv-parse/sync";
import { afterAll, describe, expect, it } from "vitest";
import { type CliResult, runCli, runCliHere, tempDataDir } from "../../support/run-cli.ts";

/**
 * Plans laid out as councils publish them, imported by the real command into a real store: every
 * row stored, every header of the file accounted for in the report, dates and RAG read as the
 * council meant them, and the columns the product has no field for exported back.
 */
const fixture = (name: string) => new URL(`../../fixtures/${name}`, import.meta.url).pathname;

interface JsonReport {
  created: string[];
  rejected: { rowNumber: number; column: string; reason: string }[];
  warnings: { rowNumber: number; column: string; reason: string }[];
  headers: { column: number; header: string; field: string | null; note: string }[];
  encoding?: string;
}
interface Exported {
  ref: string;
  lead: string;
  completionDate: string;
  dueDate: string | null;
  rag: string | null;
  complete: boolean;
  developmentAction: string;
  progressUpdate: string;
  extra: Record<string, string>;
}

const dirs: string[] = [];
afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

/** Imports the file into a fresh store; the report as JSON and the plan as exported. */
async function importFresh(file: string, args: string[] = []) {
  const dir = tempDataDir("plan-tracker-councils-");
  dirs.push(dir);
  const env = { DATA_DIR: dir, EMBEDDED_COSMOS_PORT: "0" };
  const run = await runCliHere(["import", file, "--json", ...args], env);
  expect(run.stderr).toBe("");
  const report = JSON.parse(run.stdout) as JsonReport;
  const exported = await runCliHere(["export", "--format", "json"], env);
  const byRef = new Map((JSON.parse(exported.stdout) as Exported[]).map((a) => [a.ref, a]));
  return { run, report, byRef, env };
}

function headerRowOf(file: string): string[] {
  const [row] = parse(readFileSync(file), { to_line: 1, bom: true }) as string[][];
  return row ?? [];
}

/** Every header of the file is in the report, in order, as a field or an extra column. */
function expectEveryHeaderAccounted(report: JsonReport, headers: string[]) {
  expect(report.headers.map((h) => h.header)).toEqual(headers);
  for (const h of report.headers) expect(h.field !== null || h.note.length > 0).toBe(true);
}

describe("importing plans laid out as councils publish them", () => {
  it("reads the Plymouth layout: every row, every header, TBC and month dates", async () => {
    const file = fixture("plymouth-plan.csv");
    const { run, report, byRef } = await importFresh(file);
    expect(run.code).toBe(0);
    expect(report.rejected).toEqual([]);
    expect(report.created).toHaveLength(8);
    expectEveryHeaderAccounted(report, headerRowOf(file));
    expect(report.headers.find((h) => h.header === "Outcomes")).toMatchObject({
      field: null,
      note: expect.stringContaining("also looks like Expected Outcome"),
    });
    expect(byRef.get("1.1")).toMatchObject({ completionDate: "TBC", dueDate: null });
    expect(byRef.get("1.2")?.dueDate).toBe("2015-01-31");
    expect(byRef.get("1.1")?.extra.Outcomes).toContain("Improved outcomes");
  });

  it("reads a Windows-1252 file with No., Owner, Deadline, BRAG and Commentary, keeping £, é, curly quotes and dashes", async () => {
    const file = fixture("councils/owner-deadline-brag-windows-1252.csv");
    const { run, report, byRef } = await importFresh(file);
    expect(run.code).toBe(0);
    expect(report.encoding).toBe("Windows-1252");
    expect(report.rejected).toEqual([]);
    expect(report.created).toHaveLength(8);
    const headers = new TextDecoder("windows-1252").decode(readFileSync(file)).split("\r\n")[0];
    expectEveryHeaderAccounted(report, headers?.split(",") ?? []);
    expect(report.headers.map((h) => h.field)).toEqual([
      "Ref",
      "Section",
      "Development Action",
      "Expected Outcome",
      "Lead",
      "Completion Date",
      "RAG",
      "Progress Update",
      null,
    ]);

    expect(byRef.get("1.1")).toMatchObject({
      developmentAction: "Review the “front door” café-style drop-in offer",
      lead: "Head of Service – Early Help",
      progressUpdate: "Completed in January — signed off by the board",
      dueDate: "2026-03-31",
      rag: "Green",
      complete: true,
      extra: { "Budget (£k)": "£12" },
    });
    expect(byRef.get("1.2")).toMatchObject({ dueDate: "2025-06-30", rag: "Green", complete: true });
    expect(byRef.get("2.1")).toMatchObject({
      dueDate: "2026-03-31",
      rag: "Green",
      complete: false,
    });
    expect(byRef.get("2.2")).toMatchObject({ completionDate: "Ongoing", dueDate: null });
    expect(byRef.get("2.3")).toMatchObject({ dueDate: "2025-03-07", rag: "Red" });
    expect(byRef.get("3.1")).toMatchObject({ dueDate: "2025-07-31", rag: "Amber" });
    expect(byRef.get("3.2")).toMatchObject({ dueDate: "2026-03-31", rag: "Red" });

    // Words instead of a date: the action is stored, the words kept, and the cell listed to fix.
    expect(byRef.get("1/2a#")).toMatchObject({
      completionDate: "Board to agree the target date in January",
      dueDate: null,
      rag: "Amber",
    });
    expect(report.warnings).toEqual([
      {
        rowNumber: 4,
        column: "Deadline",
        reason: expect.stringContaining("has no date in it, so the action has no due date"),
      },
    ]);
  });

  it("reads an Excel plan with dates, rich text, links, formulas with and without values, and #REF!", async () => {
    const file = fixture("councils/responsible-officer-by-when.xlsx");
    const { run, report, byRef } = await importFresh(file);
    expect(run.code).toBe(0);
    expect(report.rejected).toEqual([]);
    expect(report.created).toHaveLength(5);
    expect(report.headers.map((h) => [h.header, h.field])).toEqual([
      ["Item", "Ref"],
      ["Priority", "Priority"],
      ["Workstream", "Section"],
      ["Action", "Development Action"],
      ["Impact", "Expected Outcome"],
      ["Responsible officer", "Lead"],
      ["By when", "Completion Date"],
      ["RAG status", "RAG"],
      ["Progress to date", "Progress Update"],
      ["Notes", null],
    ]);
    expect(JSON.stringify([...byRef.values()])).not.toContain("[object Object]");
    expect(byRef.get("1")).toMatchObject({
      developmentAction: "Pathway plans for every care leaver",
      lead: "Head of Service",
      dueDate: "2026-03-31",
      rag: "Green",
      progressUpdate: "Plans reviewed",
    });
    expect(byRef.get("2")).toMatchObject({
      dueDate: "2025-12-31",
      extra: { Notes: '=IF(H3="Amber","Chase in October","")' },
    });
    expect(byRef.get("3")).toMatchObject({
      completionDate: "Quarterly",
      dueDate: null,
      rag: "Green",
      complete: true,
      progressUpdate: "#REF!",
    });
    expect(byRef.get("4")).toMatchObject({
      dueDate: "2026-05-31",
      rag: "Amber",
      progressUpdate: "Evidence pack (https://council.example/evidence/4)",
    });
    expect(byRef.get("5")).toMatchObject({ dueDate: "2026-03-31", rag: "Red" });
    expect(report.warnings.map((w) => [w.rowNumber, w.column])).toEqual([
      [3, "Notes"],
      [4, "Progress to date"],
    ]);
    expect(report.warnings[0]?.reason).toContain("has no saved value");
  });
});

describe("the import report, --map and --dry-run", () => {
  const twoDates = (dir: string) => {
    const file = `${dir}/two-dates.csv`;
    const csv =
      "Ref,Action,Lead,Target date,Deadline,Go-live\nX-1,Do it,HoS,March 2026,30/06/2026,Summer 2026\n";
    writeFileSync(file, csv);
    return file;
  };

  it("takes neither of two date columns until --map says which, naming the --map to use", async () => {
    const dir = tempDataDir("plan-tracker-map-");
    dirs.push(dir);
    const env = { DATA_DIR: dir, EMBEDDED_COSMOS_PORT: "0" };
    const file = twoDates(dir);
    const refused: CliResult = await runCli(["import", file], env);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(
      '"Target date" and "Deadline" could each be the Completion Date',
    );
    expect(refused.stderr).toContain('--map "Target date=Completion Date"');

    const mapped = await runCliHere(
      ["import", file, "--map", "Deadline=due date", "--dry-run"],
      env,
    );
    expect(mapped.code).toBe(0);
    expect(mapped.stdout).toContain(
      'column 5 "Deadline": read as Completion Date (mapped with --map)',
    );
    expect(mapped.stdout).toContain(
      'column 4 "Target date": kept as an extra column (also looks like Completion Date, read from "Deadline"',
    );
    expect(mapped.stdout).toContain('column 6 "Go-live": kept as an extra column');
    expect(mapped.stdout).toContain("Dry run (nothing written): 1 created");
  });

  it("refuses a --map naming a field that does not exist, listing the fields", async () => {
    const dir = tempDataDir("plan-tracker-map-");
    dirs.push(dir);
    const result = await runCliHere(["import", twoDates(dir), "--map", "Go-live=When"], {
      DATA_DIR: dir,
      EMBEDDED_COSMOS_PORT: "0",
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('"When" is not a field: use one of Ref, Priority');
  });
});
