import type { Action } from "../domain/action.ts";
import { DomainError } from "../domain/errors.ts";
import type { IsoDate } from "../domain/iso-date.ts";
import { SAMPLE_PLAN } from "../domain/plan.ts";
import { SAMPLE_PLAN_PATH } from "../import/load-sample.ts";
import { readTable } from "../import/read-table.ts";
import { rowsToActions } from "../import/rows-to-actions.ts";
import {
  earliestDue,
  shiftDatesInProse,
  shiftPlanDate,
  yearsToBringForward,
} from "./shift-years.ts";

/** An action with every date in it moved on by `years`: the due date and dates named in its text. */
export function shiftAction(action: Action, years: number): Action {
  if (years === 0) return action;
  const prose = (text: string) => shiftDatesInProse(text, years);
  return {
    ...action,
    completionDate: shiftPlanDate(action.completionDate, years),
    developmentAction: prose(action.developmentAction),
    expectedOutcome: prose(action.expectedOutcome),
    actionWeWillTake: prose(action.actionWeWillTake),
    howWillWeKnow: prose(action.howWillWeKnow),
    progressUpdate: prose(action.progressUpdate),
  };
}

export interface DemoPlan {
  actions: Action[];
  /** Whole years the sample's dates were moved forward. */
  years: number;
}

/** Moves a plan forward by whole years so that it runs from the quarter `today` falls in. */
export function bringPlanForward(actions: readonly Action[], today: IsoDate): DemoPlan {
  const years = yearsToBringForward(earliestDue(actions.map((a) => a.completionDate)), today);
  return { actions: actions.map((a) => shiftAction(a, years)), years };
}

/** The sample plan (data/sample-plan.csv) as the demo shows it: read as an import reads it, then moved forward. */
export async function readDemoPlan(today: IsoDate, path = SAMPLE_PLAN_PATH): Promise<DemoPlan> {
  const read = rowsToActions(await readTable(path), SAMPLE_PLAN);
  if ("headerProblem" in read)
    throw new DomainError("invalid_input", `${path}: ${read.headerProblem}`);
  return bringPlanForward(
    read.actions.map((row) => row.action),
    today,
  );
}
