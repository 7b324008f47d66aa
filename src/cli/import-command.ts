import { parseArgs } from "node:util";
import { type HeaderMap, parseHeaderMap } from "../domain/headers.ts";
import { type ImportReport, importPlanFile } from "../import/import-plan.ts";
import { planColumnIndex, rowsByPlan, rowsForNamedPlan } from "../import/plan-column.ts";
import { readTable } from "../import/read-table.ts";
import { encodingLine, headerLines } from "../import/report-headers.ts";
import type { RowProblem } from "../import/rows-to-actions.ts";
import { choosePlanForImport, choosePlansByName, type ImportTarget } from "../plans/choose-plan.ts";
import { listPlans } from "../plans/plan-list.ts";
import { type Actor, CLI_ACTOR } from "../store/audit-log.ts";
import type { Store } from "../store/store.ts";
import { CliError } from "./cli-error.ts";
import type { CommandIo } from "./command-io.ts";
import { importPlanLines } from "./import-plan-lines.ts";
import { withStore } from "./with-store.ts";

const USAGE =
  'plan-tracker import plan.csv [--plan NAME] [--map "Header=Field"]... [--dry-run] [--json]';

/**
 * `plan-tracker import <file> [--plan NAME] [--map "Header=Field"]... [--dry-run] [--json]`: says
 * how each header was read, then what changed, for each plan the file went into; exit 1 when any
 * row was rejected.
 */
export async function importCommand(args: string[], io: CommandIo): Promise<number> {
  const { file, dryRun, json, maps, plan } = readArgs(args);
  const { reports, unplaced } = await withStore(io.env, (store) =>
    importByPlan(store, file, plan, { dryRun, actor: CLI_ACTOR, maps }),
  );
  const [single] = reports;
  if (json) {
    // One plan keeps the shape it always had; a file spread over several plans lists each.
    const body =
      reports.length === 1 && single && unplaced.length === 0
        ? { file, newPlan: single.isNew, ...single.report }
        : {
            file,
            plans: reports.map((r) => ({ newPlan: r.isNew, ...r.report })),
            rejected: unplaced,
          };
    io.write(`${JSON.stringify(body, null, 2)}\n`);
  } else {
    for (const { report, isNew } of reports) {
      for (const line of importPlanLines(report, isNew)) io.out(line);
      printReport(report, io);
    }
    if (unplaced.length > 0) {
      io.out(`${rowCount(unplaced)} rejected for want of a plan:`);
      for (const r of unplaced) io.out(`  row ${r.rowNumber}, column "${r.column}": ${r.reason}`);
    }
  }
  const rejected = unplaced.length + reports.reduce((n, r) => n + r.report.rejected.length, 0);
  return rejected > 0 ? 1 : 0;
}

/**
 * Imports the file into the plan `--plan` names or, when it has a Plan column and no `--plan` is
 * given, each row into the plan its Plan cell names (an all-plans export read back). `unplaced`
 * are rows that could go to no plan: an empty Plan cell when there are several plans.
 */
async function importByPlan(
  store: Store,
  file: string,
  name: string | undefined,
  o: { dryRun: boolean; actor: Actor; maps: HeaderMap[] },
): Promise<{ reports: { report: ImportReport; isNew: boolean }[]; unplaced: RowProblem[] }> {
  const table = await readTable(file);
  const column = planColumnIndex(table.header);
  if (column >= 0 && name !== undefined) {
    const target = await choosePlanForImport(store, name, file);
    const own = rowsForNamedPlan(table, column, target.plan.name);
    const report = await importPlanFile(store, target.plan, file, {
      ...o,
      table: own.table,
      planColumn: true,
    });
    report.rejected = [...report.rejected, ...own.rejected].sort(byRow);
    return { reports: [{ report, isNew: target.isNew }], unplaced: [] };
  }
  if (column >= 0) {
    const names = (await listPlans(store)).map((p) => p.plan.name);
    const split = rowsByPlan(table, column, names);
    // No row names a plan: the file is read as a file without the column is.
    if (split.groups.length > 0) {
      const targets = await choosePlansByName(
        store,
        split.groups.map((g) => g.name),
      );
      const reports: { report: ImportReport; isNew: boolean }[] = [];
      for (const [i, group] of split.groups.entries()) {
        const target = targets[i] as ImportTarget;
        const report = await importPlanFile(store, target.plan, file, {
          ...o,
          table: group.table,
          planColumn: true,
        });
        reports.push({ report, isNew: target.isNew });
      }
      return { reports, unplaced: split.rejected };
    }
  }
  const target = await choosePlanForImport(store, name, file);
  const report = await importPlanFile(store, target.plan, file, { ...o, table });
  return { reports: [{ report, isNew: target.isNew }], unplaced: [] };
}

const byRow = (a: RowProblem, b: RowProblem) => a.rowNumber - b.rowNumber;

function readArgs(args: string[]) {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(args);
  } catch (error) {
    throw new CliError(`${(error as Error).message}: ${USAGE}`, 2);
  }
  const { values, positionals } = parsed;
  if (positionals.length !== 1) throw new CliError(`Say which file to import: ${USAGE}`, 2);
  const maps: HeaderMap[] = [];
  for (const text of values.map ?? []) {
    const map = parseHeaderMap(text);
    if ("error" in map) throw new CliError(map.error, 2);
    maps.push(map);
  }
  return {
    file: positionals[0] as string,
    dryRun: values["dry-run"] ?? false,
    plan: values.plan,
    json: values.json ?? false,
    maps,
  };
}

const parse = (args: string[]) =>
  parseArgs({
    args,
    allowPositionals: true,
    options: {
      "dry-run": { type: "boolean" },
      json: { type: "boolean" },
      map: { type: "string", multiple: true },
      plan: { type: "string" },
    },
  });

function printReport(report: ImportReport, io: CommandIo): void {
  const encoding = encodingLine(report.encoding);
  if (encoding) io.out(encoding);
  for (const line of report.layout ?? []) io.out(line);
  io.out("Columns:");
  for (const line of headerLines(report.headers)) io.out(line);
  const prefix = report.dryRun ? "Dry run (nothing written): " : "";
  io.out(
    `${prefix}${report.created.length} created, ${report.updated.length} updated, ${report.unchanged.length} unchanged, ${rowCount(report.rejected)} rejected`,
  );
  for (const r of report.rejected)
    io.out(`  row ${r.rowNumber}, column "${r.column}": ${r.reason}`);
  if (report.warnings.length > 0) {
    const rows = rowCount(report.warnings);
    io.out(
      `${rows} ${rows === 1 ? "row was" : "rows were"} ${report.dryRun ? "read" : "stored"} with a cell to fix:`,
    );
    for (const w of report.warnings)
      io.out(`  row ${w.rowNumber}, column "${w.column}": ${w.reason}`);
  }
  if (report.auditRepaired > 0)
    io.out(
      `Recorded ${report.auditRepaired} missing audit ${report.auditRepaired === 1 ? "entry" : "entries"} for rows an earlier import saved before it stopped.`,
    );
}

const rowCount = (problems: { rowNumber: number }[]) =>
  new Set(problems.map((p) => p.rowNumber)).size;
