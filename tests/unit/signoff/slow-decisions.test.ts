import { describe, expect, it } from "vitest";
import { awaitingDecision, slowDecisions } from "../../../src/signoff/slow-decisions.ts";
import { anUpdate } from "../../support/builders.ts";

describe("slowDecisions", () => {
  const tz = "Europe/London";
  const sentMonday = anUpdate({ ref: "CSC-01", submittedAt: "2026-11-30T09:00:00.000Z" });
  const sentFriday = anUpdate({ ref: "CSC-02", submittedAt: "2026-12-04T09:00:00.000Z" });
  const decided = anUpdate({
    ref: "CSC-03",
    submittedAt: "2026-11-02T09:00:00.000Z",
    state: "approved",
    decision: {
      outcome: "approved",
      by: "s",
      byName: "S",
      at: "2026-11-03T09:00:00Z",
      comment: "",
    },
  });

  it("lists only undecided updates waiting more than five working days", () => {
    expect(slowDecisions([sentMonday, sentFriday, decided], "2026-12-07", tz)).toEqual([]);
    const tuesday = slowDecisions([sentMonday, sentFriday, decided], "2026-12-08", tz);
    expect(tuesday.map((w) => [w.update.ref, w.workingDaysWaiting])).toEqual([["CSC-01", 6]]);
  });

  it("counts from the council's local date, not UTC", () => {
    // 23:30 UTC on 30 June is already 1 July in London (BST).
    const late = anUpdate({ submittedAt: "2026-06-30T23:30:00.000Z" });
    expect(awaitingDecision([late], "2026-07-02", tz)[0]?.workingDaysWaiting).toBe(1);
  });
});
