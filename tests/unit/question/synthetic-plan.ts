import type { Action } from "../../../src/domain/action.ts";
import type { Plan } from "../../../src/domain/plan.ts";
import type { Rag } from "../../../src/domain/rag.ts";
import type { Update, UpdateState } from "../../../src/domain/update.ts";
import { type Fixture, fixture } from "./ask.ts";

/**
 * A made-up plan around an injected today, 23 November 2026: the review for 2026-Q3
 * (October–December 2026) is under way, 2026-Q2 was the last one. Refs T-1…T-12 check that
 * T-2 sorts before T-10. Every date and update is placed to make one question's answer differ.
 */
export const TODAY = "2026-11-23";
export const CURRENT_QUARTER = "2026-Q3";

export const SYNTHETIC_PLAN: Plan = {
  id: "synthetic",
  name: "Synthetic improvement plan",
  priorities: [
    { number: 1, name: "Getting the basics right", description: "" },
    { number: 2, name: "Safeguarding adolescents", description: "" },
    { number: 3, name: "Permanence for children in care", description: "" },
    { number: 4, name: "SEND and inclusion", description: "" },
  ],
};

type Row = [
  ref: string,
  priorities: number[],
  section: string,
  area: string,
  title: string,
  outcome: string,
  lead: string,
  due: string | null,
  rag: Rag | null,
  complete?: boolean,
];

// biome-ignore format: one action per line reads as a table
const ROWS: Row[] = [
  ["T-1", [1], "Quality and Practice", "Audit", "Audit case files for quality of supervision", "Supervision is reflective", "HoS / QA Manager", "2026-09-30", "Red"],
  ["T-2", [1], "Quality and Practice", "Audit", "Refresh the audit framework", "Audits drive learning", "HoS", "2026-12-31", "Amber"],
  ["T-3", [2], "Safeguarding", "Exploitation", "Respond to child exploitation with a multi-agency panel", "Risks are shared early", "Service Manager/ Team Managers", "2027-03-31", "Red"],
  ["T-4", [2], "Safeguarding", "Exploitation", "Train staff on exploitation screening", "Staff spot exploitation", "PSW", "2026-11-30", "Green", true],
  ["T-5", [3], "Children in Care", "Permanence", "Make permanence plans by the second review", "Children know where they will grow up", "IRO Manager", null, "Amber"],
  ["T-6", [3], "Children in Care", "Fostering", "Recruit more foster carers for teenagers", "Teenagers live with families", "HoS", "2026-10-31", "Red"],
  ["T-7", [3, 4], "Education", "Attendance", "Raise attendance for children with EHC plans", "Attendance rises", "Virtual School Head", "2027-06-30", "Amber"],
  ["T-8", [4], "Education", "Attendance", "Track school moves for children in care", "Fewer school moves", "Virtual School Head", "2026-08-31", "Green"],
  ["T-9", [4], "Safeguarding", "Allegations", "Handle allegations against staff within timescales", "Allegations are resolved quickly", "LADO", null, null],
  ["T-10", [1], "Quality and Practice", "Audit", "Publish the annual audit report", "Leaders act on findings", "HoS/QA Manager", "2027-01-31", "Red"],
  ["T-11", [2], "Safeguarding", "Exploitation", "Reduce missing episodes for adolescents", "Fewer children go missing", "Service Manager / Team Managers", "2026-12-15", "Amber"],
  ["T-12", [3], "Children in Care", "Permanence", "Review long-term fostering matches", "Foster carers feel supported", "IRO Manager", "2026-11-10", "Green", true],
];

export const SYNTHETIC_ACTIONS: Action[] = ROWS.map(
  ([
    ref,
    priorities,
    section,
    deliveryArea,
    developmentAction,
    expectedOutcome,
    lead,
    due,
    rag,
    complete = false,
  ]) => ({
    ref,
    planId: SYNTHETIC_PLAN.id,
    priorities,
    section,
    deliveryArea,
    developmentAction,
    expectedOutcome,
    lead,
    completionDate: {
      text: due ?? (ref === "T-5" ? "TBC" : ""),
      due,
      tbc: ref === "T-5",
      milestones: due ? [due] : [],
    },
    rag,
    complete,
    signedOff: complete,
    actionWeWillTake: "",
    howWillWeKnow: "",
    progressUpdate: "",
    extra: {},
  }),
);

function update(
  ref: string,
  quarter: string,
  state: UpdateState,
  proposedRag: Rag,
  previousRag: Rag | null,
  submittedOn: string,
): Update {
  return {
    id: `${quarter}:${ref}`,
    quarter,
    ref,
    progress: "Progress as described.",
    proposedRag,
    ragJustification: "",
    revisedDate: null,
    revisedDateReason: "",
    evidenceUrl: "",
    proposeCompletion: false,
    author: "lead@council.gov.uk",
    authorName: "A Lead",
    state,
    submittedAt: `${submittedOn}T10:00:00.000Z`,
    revision: 0,
    previousRag,
    decision: null,
  };
}

/**
 * This quarter: T-1 and T-10 await sign-off, T-2 was returned, T-3 went Amber → Red, T-5 stayed
 * Amber, T-6 went Green → Red with no update last quarter, T-8 went Amber → Green.
 * Last quarter only: T-7 and T-11, so with T-9 (never updated) they are "not updated".
 */
export const SYNTHETIC_UPDATES: Update[] = [
  update("T-1", "2026-Q3", "submitted", "Red", "Red", "2026-11-20"),
  update("T-2", "2026-Q3", "returned", "Green", "Amber", "2026-11-05"),
  update("T-3", "2026-Q2", "approved", "Amber", "Green", "2026-07-08"),
  update("T-3", "2026-Q3", "approved", "Red", "Amber", "2026-10-10"),
  update("T-5", "2026-Q2", "approved", "Amber", "Amber", "2026-07-09"),
  update("T-5", "2026-Q3", "approved", "Amber", "Amber", "2026-10-02"),
  update("T-6", "2026-Q3", "approved", "Red", "Green", "2026-11-15"),
  update("T-7", "2026-Q2", "approved", "Amber", "Amber", "2026-07-10"),
  update("T-8", "2026-Q2", "approved", "Amber", "Amber", "2026-07-11"),
  update("T-8", "2026-Q3", "approved", "Green", "Amber", "2026-10-20"),
  update("T-10", "2026-Q3", "submitted", "Red", "Red", "2026-11-22"),
  update("T-11", "2026-Q2", "approved", "Amber", "Amber", "2026-07-12"),
];

/** The made-up plan as the question feature sees it on TODAY, asked by someone leading `askerLeads`. */
export function syntheticWorld(askerLeads: string[] = []): Fixture {
  return fixture(SYNTHETIC_PLAN, SYNTHETIC_ACTIONS, {
    updates: SYNTHETIC_UPDATES,
    currentQuarter: CURRENT_QUARTER,
    today: TODAY,
    askerLeads,
  });
}

/** The plan's Refs by number: refs(1, 10) is ["T-1", "T-10"]. */
export const syntheticRefs = (...numbers: number[]): string[] => numbers.map((n) => `T-${n}`);
