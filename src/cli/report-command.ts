import { writeFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { loadConfig } from "../config.ts";
import { todayIn } from "../domain/calendar.ts";
import { QuarterSchema } from "../domain/quarter.ts";
import { currentPlan } from "../import/current-plan.ts";
import { choosePlansToRead } from "../plans/choose-plan.ts";
import { planNamesText } from "../plans/plan-list.ts";
import { loadReportDocx } from "../report/load-report.ts";
import { CliError } from "./cli-error.ts";
import type { CommandIo } from "./command-io.ts";
import { withStore } from "./with-store.ts";

const USAGE = "Usage: plan-tracker report --quarter YYYY-Qn [--plan NAME] --out FILE.docx";

/** `plan-tracker report --quarter 2026-Q3 [--plan NAME] --out report.docx`: the quarter's Word report. */
export async function reportCommand(args: string[], io: CommandIo): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      quarter: { type: "string" },
      plan: { type: "string" },
      out: { type: "string" },
    },
    strict: true,
  });
  const quarter = QuarterSchema.safeParse(values.quarter?.trim().toUpperCase());
  if (!quarter.success)
    throw new CliError(
      `${values.quarter ? `"${values.quarter}" is not a quarter` : "Say which quarter"}: add --quarter 2026-Q3 (October to December 2026).\n${USAGE}`,
      2,
    );
  if (!values.out?.toLowerCase().endsWith(".docx"))
    throw new CliError(`Say where to write the Word file: add --out report.docx\n${USAGE}`, 2);
  const out = values.out;
  const config = loadConfig(io.env);
  const today = todayIn(config.REVIEW_TIMEZONE, new Date());
  const { bytes, planName } = await withStore(io.env, async (store) => {
    const chosen = await choosePlansToRead(store, values.plan);
    if (chosen.length > 1)
      throw new CliError(
        `The report covers one plan: add --plan "NAME" (one of ${planNamesText(chosen)}).`,
        2,
      );
    const plan = chosen[0]?.plan ?? (await currentPlan(store));
    return {
      bytes: await loadReportDocx(store, config, { plan, quarter: quarter.data, today }),
      planName: plan.name,
    };
  });
  await writeFile(out, bytes);
  io.out(`Wrote the ${quarter.data} report of ${planName} to ${out}`);
  return 0;
}
