import type { Action } from "../../../src/domain/action.ts";
import type { Plan } from "../../../src/domain/plan.ts";
import type { Rag } from "../../../src/domain/rag.ts";
import type { Decision, Update } from "../../../src/domain/update.ts";
import type { ReportInputs } from "../../../src/report/report-model.ts";
import { anUpdate, aRatedAction } from "../../support/builders.ts";

export const PLAN: Plan = {
  id: "default",
  name: "Children's Improvement Plan",
  priorities: [
    { number: 1, name: "Early help", description: "" },
    { number: 2, name: "Children in care", description: "" },
  ],
};

/** A rated action (tests/support/builders.ts) with an outcome the report prints. */
export function action(
  ref: string,
  priorities: number[],
  rag: Rag | null,
  due: string | null,
  over: Partial<Action> = {},
): Action {
  return aRatedAction(ref, priorities, rag, due, { expectedOutcome: `Outcome of ${ref}`, ...over });
}

export const approvedBy = (at: string): Decision => ({
  outcome: "approved",
  by: "dee@council.gov.uk",
  byName: "Dee Director",
  at,
  comment: "",
});

/** An update as stored; `extra` may carry fields a later form adds (`difference`, `nextSteps`). */
export function update(
  ref: string,
  quarter: string,
  state: Update["state"],
  over: Partial<Update> & Record<string, unknown> = {},
): Update {
  return anUpdate({
    quarter,
    ref,
    progress: `Progress on ${ref} in ${quarter}`,
    proposedRag: "Amber",
    author: "ola@council.gov.uk",
    authorName: "Ola Ade",
    state,
    submittedAt: "2026-12-01T09:00:00.000Z",
    revision: 0,
    decision:
      state === "approved"
        ? approvedBy("2026-12-10T10:00:00.000Z")
        : state === "returned"
          ? { ...approvedBy("2026-12-10T10:00:00.000Z"), outcome: "returned", comment: "More" }
          : null,
    ...over,
  });
}

export function inputs(actions: Action[], updates: Update[], plan: Plan = PLAN): ReportInputs {
  return {
    plan,
    actions,
    updates,
    people: [],
    quarter: "2026-Q3",
    today: "2026-12-15",
    timeZone: "Europe/London",
    reportOf: "the Director of Children's Services",
  };
}
