import { describe, expect, it } from "vitest";
import { SAMPLE_PLAN } from "../../../src/domain/plan.ts";
import { summaryFigures } from "../../../src/signoff/summary-figures.ts";
import { anAction, anUpdate, aPerson } from "../../support/builders.ts";

const decision = (outcome: "approved" | "returned", comment = "") => ({
  outcome,
  by: "sam@council.gov.uk",
  byName: "Sam Patel",
  at: "2026-12-10T10:00:00.000Z",
  comment,
});

const hos = aPerson({
  id: "hos@council.gov.uk",
  email: "hos@council.gov.uk",
  name: "Hana Osei",
  roles: ["lead"],
  leads: ["HoS / Service Manager"],
});
const actions = [
  anAction({
    ref: "CSC-01",
    priorities: [1],
    rag: "Red",
    completionDate: { text: "June 2026", due: "2026-06-30", tbc: false, milestones: [] },
  }),
  anAction({ ref: "CSC-02", priorities: [1, 3], rag: "Amber" }),
  anAction({ ref: "CSC-03", priorities: [3], rag: "Green" }),
  anAction({
    ref: "CSC-04",
    priorities: [3],
    rag: "Green",
    complete: true,
    signedOff: true,
    completionDate: { text: "May 2026", due: "2026-05-31", tbc: false, milestones: [] },
  }),
  anAction({ ref: "CSC-05", priorities: [5], rag: null, lead: "PSW" }),
];
const updates = [
  // Last quarter CSC-02 was approved Green; this quarter it was approved Amber: Green → Amber.
  anUpdate({
    ref: "CSC-02",
    quarter: "2026-Q2",
    proposedRag: "Green",
    state: "approved",
    decision: decision("approved"),
  }),
  anUpdate({
    ref: "CSC-02",
    quarter: "2026-Q3",
    proposedRag: "Amber",
    previousRag: "Green",
    state: "approved",
    decision: decision("approved"),
  }),
  // CSC-03 awaits a decision; CSC-01 was returned, so its lead still owes an update.
  anUpdate({
    ref: "CSC-03",
    proposedRag: "Green",
    previousRag: "Green",
    submittedAt: "2026-12-01T09:00:00.000Z",
  }),
  anUpdate({
    ref: "CSC-01",
    proposedRag: "Red",
    previousRag: "Red",
    state: "returned",
    decision: decision("returned", "Figures?"),
  }),
  anUpdate({
    ref: "CSC-04",
    proposedRag: "Green",
    previousRag: "Amber",
    proposeCompletion: true,
    evidenceUrl: "https://council.sharepoint.com/audit",
    state: "approved",
    decision: decision("approved"),
  }),
];

const figures = summaryFigures({
  plan: SAMPLE_PLAN,
  actions,
  updates,
  people: [hos],
  quarter: "2026-Q3",
  today: "2026-12-15",
  timeZone: "Europe/London",
});

describe("summaryFigures", () => {
  it("counts RAG per priority, an action serving two priorities under both, and each action once in the totals", () => {
    const p1 = figures.byPriority.find((p) => p.priority === 1);
    const p3 = figures.byPriority.find((p) => p.priority === 3);
    expect(p1?.counts).toEqual({ Red: 1, Amber: 1, Green: 0, Unrated: 0 });
    expect(p3?.counts).toEqual({ Red: 0, Amber: 1, Green: 2, Unrated: 0 });
    expect(figures.totals).toEqual({ Red: 1, Amber: 1, Green: 2, Unrated: 1 });
    expect(figures.actionCount).toBe(5);
  });

  it("finds movements from last quarter's approved RAG (or the RAG an update was sent against) to today's", () => {
    expect(figures.movements).toEqual([
      { from: "Green", to: "Amber", refs: ["CSC-02"] },
      { from: "Amber", to: "Green", refs: ["CSC-04"] },
    ]);
    // CSC-03 awaits a decision and CSC-05 has no record: neither counts as moving.
    expect(Object.keys(figures.previousRags).sort()).toEqual([
      "CSC-01",
      "CSC-02",
      "CSC-03",
      "CSC-04",
    ]);
  });

  it("lists overdue actions, not complete ones", () => {
    expect(figures.overdue.map((o) => o.ref)).toEqual(["CSC-01"]);
  });

  it("lists who has not updated (a returned update still owed), by person or by an unmatched Lead", () => {
    expect(figures.owing).toEqual([
      { who: "Hana Osei", refs: ["CSC-01"] },
      { who: "PSW (nobody in the directory leads this)", refs: ["CSC-05"] },
    ]);
  });

  it("lists what awaits a decision with working days waited, and what was signed off complete", () => {
    expect(figures.awaiting).toEqual([
      expect.objectContaining({ ref: "CSC-03", submittedBy: "Hana Osei", workingDaysWaiting: 10 }),
    ]);
    expect(figures.signedOffComplete).toEqual(["CSC-04"]);
  });
});
