import { writeFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { loadConfig } from "../config.ts";
import { todayIn } from "../domain/calendar.ts";
import { planRowsToCsv } from "../export/export-csv.ts";
import { type PlanRow, toPlanRows } from "../export/plan-rows.ts";
import { currentPlan } from "../import/current-plan.ts";
import { choosePlansToRead } from "../plans/choose-plan.ts";
import { planNamesText } from "../plans/plan-list.ts";
import { CliError } from "./cli-error.ts";
import type { CommandIo } from "./command-io.ts";
import { withStore } from "./with-store.ts";

const FORMATS = ["csv", "json", "xlsx"] as const;

/**
 * `plan-tracker export [--plan NAME] [--format csv|json|xlsx] [--out FILE]`: one plan, or every
 * plan (CSV with a Plan column first; JSON rows carry their plan's id and name either way).
 */
export async function exportCommand(args: string[], io: CommandIo): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      format: { type: "string", default: "csv" },
      out: { type: "string" },
      plan: { type: "string" },
    },
    strict: true,
  });
  const format = values.format as (typeof FORMATS)[number];
  if (!FORMATS.includes(format))
    throw new CliError(`--format must be one of ${FORMATS.join(", ")}.`, 2);
  if (format === "xlsx" && !values.out)
    throw new CliError("An Excel export needs a file: add --out plan.xlsx", 2);
  const { rows, plans, plan, today } = await withStore(io.env, async (store) => {
    const chosen = await choosePlansToRead(store, values.plan);
    if (format === "xlsx" && chosen.length > 1)
      throw new CliError(
        `The Excel board report covers one plan: add --plan "NAME" (one of ${planNamesText(chosen)}), or export every plan as CSV or JSON.`,
        2,
      );
    const names = new Map(chosen.map((p) => [p.plan.id, p.plan.name]));
    const updates = await store.updates.all();
    const rows: PlanRow[] = [];
    for (const { plan } of chosen)
      rows.push(...toPlanRows(await store.actions.list(plan.id), updates, names));
    return {
      rows,
      plans: chosen.length,
      plan: chosen[0]?.plan ?? (await currentPlan(store)),
      today: todayIn(loadConfig(io.env).REVIEW_TIMEZONE, new Date()),
    };
  });
  let content: string | Buffer;
  if (format === "json") content = `${JSON.stringify(rows, null, 2)}\n`;
  else if (format === "csv") content = planRowsToCsv(rows, { planColumn: plans > 1 });
  else {
    const { planRowsToXlsx } = await import("../export/export-xlsx.ts");
    content = await planRowsToXlsx(rows, plan, { today });
  }
  if (values.out) {
    await writeFile(values.out, content);
    io.out(`Exported ${rows.length} actions to ${values.out}`);
  } else io.write(content.toString());
  return 0;
}
