import { fileURLToPath } from "node:url";
import type { Action } from "../../src/domain/action.ts";
import { type Plan, SAMPLE_PLAN } from "../../src/domain/plan.ts";
import type { Update } from "../../src/domain/update.ts";
import { readTable } from "../../src/import/read-table.ts";
import { rowsToActions } from "../../src/import/rows-to-actions.ts";
import { GENERATED_PLAN, generatedActions } from "./generated-plan.ts";
import { withHistory } from "./history.ts";

/** The day every corpus question is asked on, and so what "overdue" and "March" mean. */
export const TODAY = "2026-11-23";

/** One plan the corpus asks about, with two quarters of updates. */
export type CorpusPlan = {
  key: string;
  plan: Plan;
  actions: Action[];
  updates: Update[];
};

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/**
 * Every plan the project holds as a file, read by the importer as `plan-tracker import` reads it
 * (the sample keeps its published priorities), and the generated 60-action plan.
 */
const FILES: { key: string; path: string; plan: Plan }[] = [
  {
    key: "sample",
    // The shared sample as the repository keeps it (data/sample-plan.csv is its copy).
    path: here("../../data/sample-plan.csv"),
    plan: SAMPLE_PLAN,
  },
  {
    key: "plymouth",
    path: here("../fixtures/plymouth-plan.csv"),
    plan: { id: "plymouth", name: "Plymouth Improvement Plan", priorities: [] },
  },
  {
    key: "named-priorities",
    path: here("../fixtures/councils/named-priorities.csv"),
    plan: { id: "eastvale", name: "Eastvale Safeguarding Partnership Plan", priorities: [] },
  },
  {
    key: "owner-deadline-brag",
    path: here("../fixtures/councils/owner-deadline-brag-windows-1252.csv"),
    plan: { id: "westbury", name: "Westbury Ofsted Action Plan", priorities: [] },
  },
  {
    key: "responsible-officer",
    path: here("../fixtures/councils/responsible-officer-by-when.xlsx"),
    plan: { id: "southdale", name: "Southdale Practice Plan", priorities: [] },
  },
];

async function readPlanFile(path: string, plan: Plan): Promise<{ plan: Plan; actions: Action[] }> {
  const read = rowsToActions(await readTable(path), plan);
  if ("headerProblem" in read) throw new Error(`${path}: ${read.headerProblem}`);
  return {
    plan: { ...plan, priorities: read.priorities },
    actions: read.actions.map((row) => ({ ...row.action, planId: plan.id })),
  };
}

/** Each labelled copy is a plan of its own council, so a question naming a plan names one. */
const LABELS: [string, string, (n: number, name: string) => string][] = [
  ["r-labels", "Ravensholt Ofsted Recommendations Plan", (n, name) => `R${n}: ${name}`],
  ["p-labels", "Pellingford Improvement Plan", (n, name) => `P${n} - ${name}`],
  ["priority-labels", "Quarrydene Practice Plan", (n, name) => `Priority ${n}. ${name}`],
];

export async function loadCorpusPlans(): Promise<CorpusPlan[]> {
  const plans: CorpusPlan[] = [];
  for (const [index, file] of FILES.entries()) {
    const { plan, actions } = await readPlanFile(file.path, file.plan);
    plans.push({ key: file.key, plan, ...withHistory(actions, 100 + index) });
  }
  plans.push({ key: "generated-60", plan: GENERATED_PLAN, ...withHistory(generatedActions(), 99) });
  // The same plan with its priorities labelled the ways councils label them ("R1: …", "P2 - …").
  for (const [key, name, label] of LABELS) {
    const plan = {
      id: `generated-${key}`,
      name,
      priorities: GENERATED_PLAN.priorities.map((p) => ({ ...p, name: label(p.number, p.name) })),
    };
    // The recommendations plan writes its Refs as recommendations do: R2.1, not 2.1.
    const ref = (r: string) => (key === "r-labels" && /^\d/.test(r) ? `R${r}` : r);
    const actions = generatedActions().map((a) => ({ ...a, planId: plan.id, ref: ref(a.ref) }));
    plans.push({ key: plan.id, plan, ...withHistory(actions, 98) });
  }
  return plans;
}
