import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parse } from "csv-parse/sync";
import type { Action } from "../../../src/domain/action.ts";
import { lastDayOfMonth, MONTH_NAMES, toIsoDate } from "../../../src/domain/iso-date.ts";
import { type Plan, SAMPLE_PLAN } from "../../../src/domain/plan.ts";
import type { Rag } from "../../../src/domain/rag.ts";

/**
 * The sample plan as actions, read here rather than through the importer so these tests stand
 * alone. The plan's dates are all "Month YYYY" (the month's last day); "3;4" is two priorities.
 */
const SAMPLE_CSV = fileURLToPath(new URL("../../../data/sample-plan.csv", import.meta.url));

type Row = Record<string, string>;

export function loadSamplePlan(): { plan: Plan; actions: Action[] } {
  const rows = parse(readFileSync(SAMPLE_CSV, "utf8"), {
    columns: true,
    skip_empty_lines: true,
  }) as Row[];
  return { plan: SAMPLE_PLAN, actions: rows.map(toAction) };
}

function toAction(row: Row): Action {
  const cell = (name: string) => (row[name] ?? "").trim();
  const dateText = cell("Completion Date");
  const due = monthEnd(dateText);
  return {
    ref: cell("Ref"),
    planId: SAMPLE_PLAN.id,
    priorities: cell("Priority")
      .split(";")
      .map((p) => Number(p.trim()))
      .filter((p) => p > 0),
    section: cell("Section"),
    deliveryArea: cell("Delivery Area"),
    developmentAction: cell("Development Action"),
    expectedOutcome: cell("Expected Outcome"),
    lead: cell("Lead"),
    completionDate: {
      text: dateText,
      due,
      tbc: /tbc/i.test(dateText),
      milestones: due ? [due] : [],
    },
    rag: (["Red", "Amber", "Green"].includes(cell("RAG")) ? cell("RAG") : null) as Rag | null,
    complete: false,
    signedOff: false,
    actionWeWillTake: cell("Action We Will Take"),
    howWillWeKnow: cell("How Will We Know"),
    progressUpdate: cell("Progress Update"),
    extra: {},
  };
}

/** "September 2022" → 2022-09-30; anything else → no date. */
function monthEnd(text: string): string | null {
  const match = text.match(/^([A-Za-z]+)\s+(\d{4})$/);
  if (!match) return null;
  const month = MONTH_NAMES.findIndex((name) => name.toLowerCase() === match[1]?.toLowerCase()) + 1;
  if (month === 0) return null;
  const year = Number(match[2]);
  return toIsoDate(year, month, lastDayOfMonth(year, month));
}
