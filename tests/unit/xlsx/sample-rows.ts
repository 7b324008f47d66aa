import { readFile } from "node:fs/promises";
import type { Action } from "../../../src/domain/action.ts";
import { SAMPLE_PLAN } from "../../../src/domain/plan.ts";
import type { Update } from "../../../src/domain/update.ts";
import { SAMPLE_PLAN_PATH } from "../../../src/import/load-sample.ts";
import { readCsv } from "../../../src/import/read-table.ts";
import { rowsToActions } from "../../../src/import/rows-to-actions.ts";
import { anUpdate as update } from "../../support/builders.ts";

/** The sample plan's 19 actions, read the way `import` reads them. */
export async function sampleActions(): Promise<Action[]> {
  const read = rowsToActions(
    readCsv(await readFile(SAMPLE_PLAN_PATH), SAMPLE_PLAN_PATH),
    SAMPLE_PLAN,
  );
  if ("headerProblem" in read) throw new Error(read.headerProblem);
  return read.actions.map((a) => a.action);
}

/** A lead's update, awaiting sign-off unless a decision is given. */
export function anUpdate(ref: string, quarter: string, over: Partial<Update> = {}): Update {
  return update({
    ref,
    quarter,
    progress: "Guidance agreed with partners; dip sample booked for June.",
    proposedRag: "Amber",
    author: "jo.bloggs@council.gov.uk",
    authorName: "Jo Bloggs",
    submittedAt: "2026-06-20T09:30:00.000Z",
    revision: 0,
    previousRag: "Green",
    ...over,
  });
}
