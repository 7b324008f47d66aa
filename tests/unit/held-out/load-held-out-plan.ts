import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { DEFAULT_PLAN_ID, type Plan } from "../../../src/domain/plan.ts";
import { readCsv } from "../../../src/import/read-table.ts";
import { rowsToActions } from "../../../src/import/rows-to-actions.ts";

const PLAN_FILE = fileURLToPath(
  new URL("../../fixtures/held-out/calderbrook-plan.csv", import.meta.url),
);

/**
 * The held-out plan read by the product's own CSV import, as `import` would store it: its
 * priorities are the ones its Priority cells name.
 */
export function loadHeldOutPlan() {
  const empty: Plan = {
    id: DEFAULT_PLAN_ID,
    name: "Calderbrook Children's Services Improvement Plan 2026-28",
    priorities: [],
  };
  const read = rowsToActions(readCsv(readFileSync(PLAN_FILE), PLAN_FILE), empty);
  if ("headerProblem" in read) throw new Error(read.headerProblem);
  if (read.rejected.length > 0) throw new Error(JSON.stringify(read.rejected));
  const plan: Plan = { ...empty, priorities: read.priorities };
  return {
    plan,
    actions: read.actions.map((row) => row.action),
    updates: [],
    warnings: read.warnings,
  };
}
