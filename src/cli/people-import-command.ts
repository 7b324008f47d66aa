import { importPeopleFile } from "../import/import-people.ts";
import { CLI_ACTOR } from "../store/audit-log.ts";
import { CliError } from "./cli-error.ts";
import type { CommandIo } from "./command-io.ts";
import { withStore } from "./with-store.ts";

/** `plan-tracker people import <file.csv> [--dry-run]`: a bulk directory from a spreadsheet. */
export async function peopleImportCommand(args: string[], io: CommandIo): Promise<number> {
  const dryRun = args.includes("--dry-run");
  const files = args.filter((a) => !a.startsWith("--"));
  if (files.length !== 1) {
    throw new CliError(
      "Say which file to import: plan-tracker people import people.csv [--dry-run]",
      2,
    );
  }
  const report = await withStore(io.env, (store) =>
    importPeopleFile(store, files[0] as string, { dryRun, actor: CLI_ACTOR }),
  );
  const prefix = dryRun ? "Dry run (nothing written): " : "";
  io.out(
    `${prefix}${report.created.length} added, ${report.updated.length} updated, ${report.unchanged.length} unchanged, ${report.rejected.length} rejected`,
  );
  for (const r of report.rejected)
    io.out(`  row ${r.rowNumber}, column "${r.column}": ${r.reason}`);
  return report.rejected.length > 0 ? 1 : 0;
}
