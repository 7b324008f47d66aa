import { describe, expect, it } from "vitest";
import type { Person } from "../../../src/domain/person.ts";
import { reviewStatus } from "../../../src/review/review-status.ts";
import { APPROVED, makeAction, makeUpdate } from "../cards/card-fixtures.ts";

const lead = (id: string, name: string, leads: string[]): Person => ({
  id,
  email: id,
  name,
  roles: ["lead"],
  leads,
});

describe("review status", () => {
  const actions = [
    makeAction({ ref: "CSC-01", lead: "HoS / Service Manager" }),
    makeAction({ ref: "CSC-02", lead: "HoS / Service Manager" }),
    makeAction({ ref: "CSC-03", lead: "IRO" }),
    makeAction({ ref: "CSC-04", lead: "IRO" }),
    makeAction({ ref: "CSC-05", lead: "PSW" }),
    makeAction({ ref: "CSC-06", lead: "IRO", complete: true }),
  ];
  const people = [
    lead("hos@c.gov.uk", "Hana Os", ["HoS / Service Manager"]),
    lead("iro@c.gov.uk", "Ira Ro", ["IRO"]),
  ];
  const updates = [
    makeUpdate({ id: "2026-Q3:CSC-02", ref: "CSC-02", authorName: "Hana Os", proposedRag: "Red" }),
    makeUpdate({
      id: "2026-Q3:CSC-03",
      ref: "CSC-03",
      authorName: "Ira Ro",
      state: "returned",
      decision: { ...APPROVED, outcome: "returned", comment: "Add the audit figures" },
    }),
    makeUpdate({ id: "2026-Q3:CSC-04", ref: "CSC-04", state: "approved", decision: APPROVED }),
  ];
  const status = reviewStatus({
    quarter: "2026-Q3",
    reviewDate: "2026-12-31",
    review: null,
    actions,
    people,
    updates,
  });

  it("says who still owes an update, and for which Refs", () => {
    expect(status.owing).toEqual([{ person: "hos@c.gov.uk", name: "Hana Os", refs: ["CSC-01"] }]);
  });

  it("lists open actions with no lead in the directory, but not completed ones", () => {
    expect(status.noLeadInDirectory).toEqual([{ lead: "PSW", refs: ["CSC-05"] }]);
  });

  it("shows what awaits sign-off, what was returned and what was approved", () => {
    expect(status.awaitingSignOff).toMatchObject([
      { ref: "CSC-02", submittedBy: "Hana Os", proposedRag: "Red" },
    ]);
    expect(status.returned).toMatchObject([
      { ref: "CSC-03", lead: "Ira Ro", comment: "Add the audit figures" },
    ]);
    expect(status.approved).toEqual(["CSC-04"]);
  });

  it("is a scheduled review until a round goes out", () => {
    expect(status.state).toBe("scheduled");
    expect(status.roundsSent).toEqual([]);
  });
});
