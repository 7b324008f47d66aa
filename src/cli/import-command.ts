import { parseArgs } from "node:util";
import { type HeaderMap, parseHeaderMap } from "../domain/headers.ts";
import { type ImportReport, importPlanFile } from "../import/import-plan.ts";
import { encodingLine, headerLines } from "../import/report-headers.ts";
import { choosePlanForImport } from "../plans/choose-plan.ts";
import { CLI_ACTOR } from "../store/audit-log.ts";
import { CliError } from "./cli-error.ts";
import type { CommandIo } from "./command-io.ts";
import { importPlanLines } from "./import-plan-lines.ts";
import { withStore } from "./with-store.ts";

const USAGE =
  'plan-tracker import plan.csv [--plan NAME] [--map "Header=Field"]... [--dry-run] [--json]';

/**
 * `plan-tracker import <file> [--map "Header=Field"]... [--dry-run] [--json]`: says how each
 * header was read, then what changed; exit 1 when any row was rejected.
 */
export async function importCommand(args: string[], io: CommandIo): Promise<number> {
  const { file, dryRun, json, maps, plan } = readArgs(args);
  const { report, isNew } = await withStore(io.env, async (store) => {
    const target = await choosePlanForImport(store, plan, file);
    const read = await importPlanFile(store, target.plan, file, {
      dryRun,
      actor: CLI_ACTOR,
      maps,
    });
    return { report: read, isNew: target.isNew };
  });
  if (json) io.write(`${JSON.stringify({ file, newPlan: isNew, ...report }, null, 2)}\n`);
  else {
    for (const line of importPlanLines(report, isNew)) io.out(line);
    printReport(report, io);
  }
  return report.rejected.length > 0 ? 1 : 0;
}

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
