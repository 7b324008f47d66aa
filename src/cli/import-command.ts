import { currentPlan } from "../import/current-plan.ts";
import { importPlanFile } from "../import/import-plan.ts";
import { CLI_ACTOR } from "../store/audit-log.ts";
import { CliError } from "./cli-error.ts";
import type { CommandIo } from "./command-io.ts";
import { withStore } from "./with-store.ts";

/** `plan-tracker import <file> [--dry-run]`: exit 1 when any row was rejected. */
export async function importCommand(args: string[], io: CommandIo): Promise<number> {
  const dryRun = args.includes("--dry-run");
  const files = args.filter((a) => !a.startsWith("--"));
  const unknown = args.filter((a) => a.startsWith("--") && a !== "--dry-run");
  if (unknown.length > 0)
    throw new CliError(`Unknown option ${unknown[0]}: import takes a file and --dry-run.`, 2);
  if (files.length !== 1)
    throw new CliError("Say which file to import: plan-tracker import plan.csv [--dry-run]", 2);
  const file = files[0] as string;
  const report = await withStore(io.env, async (store) =>
    importPlanFile(store, await currentPlan(store), file, { dryRun, actor: CLI_ACTOR }),
  );
  const prefix = dryRun ? "Dry run (nothing written): " : "";
  io.out(
    `${prefix}${report.created.length} created, ${report.updated.length} updated, ${report.unchanged.length} unchanged, ${rejectedRows(report.rejected)} rejected`,
  );
  for (const r of report.rejected)
    io.out(`  row ${r.rowNumber}, column "${r.column}": ${r.reason}`);
  if (report.auditRepaired > 0)
    io.out(
      `Recorded ${report.auditRepaired} missing audit ${report.auditRepaired === 1 ? "entry" : "entries"} for rows an earlier import saved before it stopped.`,
    );
  return report.rejected.length > 0 ? 1 : 0;
}

const rejectedRows = (problems: { rowNumber: number }[]) =>
  new Set(problems.map((p) => p.rowNumber)).size;
