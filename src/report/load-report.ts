import type { Config } from "../config.ts";
import type { IsoDate } from "../domain/iso-date.ts";
import type { Plan } from "../domain/plan.ts";
import type { Quarter } from "../domain/quarter.ts";
import { planSummaryInputs } from "../signoff/summary-figures.ts";
import type { Store } from "../store/store.ts";
import { buildReportModel } from "./report-model.ts";

export const DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

export interface ReportRequest {
  plan: Plan;
  quarter: Quarter;
  /** The day the report is made: it is "as at" this day. */
  today: IsoDate;
}

/** The quarter's report of one plan as .docx bytes, read fresh from the store each time. */
export async function loadReportDocx(
  store: Store,
  config: Pick<Config, "REVIEW_TIMEZONE" | "REPORT_OF">,
  request: ReportRequest,
): Promise<Buffer> {
  const { plan, quarter, today } = request;
  const [actions, updates, people] = await Promise.all([
    store.actions.list(plan.id),
    store.updates.all(),
    store.people.list(),
  ]);
  const model = buildReportModel({
    ...planSummaryInputs(
      plan,
      { actions, updates, people },
      { quarter, today, timeZone: config.REVIEW_TIMEZONE },
    ),
    reportOf: config.REPORT_OF,
  });
  // The Word writer is a large library that only reports need: it loads with the first one.
  const { reportDocx } = await import("./report-docx.ts");
  return reportDocx(model);
}

/** "rutland-plan-2026-Q3-report.docx": a file name from the plan's id and the quarter. */
export function reportFileName(plan: Pick<Plan, "id">, quarter: Quarter): string {
  const id = plan.id.replace(/[^a-z0-9-]+/gi, "-");
  return `plan-tracker-${id === "default" ? "" : `${id}-`}${quarter}-report.docx`;
}
