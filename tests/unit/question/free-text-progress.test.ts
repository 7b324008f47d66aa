import { describe, expect, it } from "vitest";
import type { Action } from "../../../src/domain/action.ts";
import {
  buildVocabulary,
  evaluateQuery,
  parseQuestion,
} from "../../../src/domain/question/index.ts";
import { anAction } from "../../support/builders.ts";

function action(ref: string, title: string, progress: string): Action {
  return anAction({
    ref,
    priorities: [1],
    section: "Leaving Care",
    deliveryArea: "Health",
    developmentAction: title,
    expectedOutcome: "Better outcomes",
    lead: "Designated Nurse",
    progressUpdate: progress,
  });
}

const ACTIONS = [
  action("1.1", "Plan the move from CAMHS to adult services", ""),
  action("1.2", "Agree health advice turnaround", "Draft agreement with CAMHS and paediatrics."),
  action("1.3", "Health histories for care leavers", "Template agreed."),
];
const PLAN = {
  id: "default",
  name: "Plan",
  priorities: [{ number: 1, name: "Care leavers", description: "" }],
};

describe("free text", () => {
  it("looks in the plan's progress notes as well as the action's own words", () => {
    const parsed = parseQuestion("CAMHS", buildVocabulary(PLAN, ACTIONS), "2026-11-23");
    if (parsed.kind !== "query") throw new Error(JSON.stringify(parsed));
    const refs = evaluateQuery(parsed.query, {
      actions: ACTIONS,
      updates: [],
      currentQuarter: "2026-Q3",
      today: "2026-11-23",
      askerLeads: [],
    }).map((a) => a.ref);
    expect(refs).toEqual(["1.1", "1.2"]);
  });
});
