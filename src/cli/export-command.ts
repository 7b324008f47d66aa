import { writeFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { loadConfig } from "../config.ts";
import { todayIn } from "../domain/calendar.ts";
import { currentPlan } from "../import/current-plan.ts";
import { planRowsToCsv } from "../import/export-csv.ts";
import { toPlanRows } from "../import/plan-rows.ts";
import { CliError } from "./cli-error.ts";
import type { CommandIo } from "./command-io.ts";
import { withStore } from "./with-store.ts";

const FORMATS = ["csv", "json", "xlsx"] as const;

/** `plan-tracker export [--format csv|json|xlsx] [--out FILE]` */
export async function exportCommand(args: string[], io: CommandIo): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { format: { type: "string", default: "csv" }, out: { type: "string" } },
    strict: true,
  });
  const format = values.format as (typeof FORMATS)[number];
  if (!FORMATS.includes(format))
    throw new CliError(`--format must be one of ${FORMATS.join(", ")}.`, 2);
  if (format === "xlsx" && !values.out)
    throw new CliError("An Excel export needs a file: add --out plan.xlsx", 2);
  const { rows, plan, today } = await withStore(io.env, async (store) => ({
    rows: toPlanRows(await store.actions.list(), await store.updates.all()),
    plan: await currentPlan(store),
    today: todayIn(loadConfig(io.env).REVIEW_TIMEZONE, new Date()),
  }));
  let content: string | Buffer;
  if (format === "json") content = `${JSON.stringify(rows, null, 2)}\n`;
  else if (format === "csv") content = planRowsToCsv(rows);
  else {
    const { planRowsToXlsx } = await import("../import/export-xlsx.ts");
    content = await planRowsToXlsx(rows, plan, { today });
  }
  if (values.out) {
    await writeFile(values.out, content);
    io.out(`Exported ${rows.length} actions to ${values.out}`);
  } else io.write(content.toString());
  return 0;
}
