import { describe, expect, it } from "vitest";
import {
  approvalChanges,
  approvalNeedsApplying,
  approvedAction,
  checkDecision,
  isSlowDecision,
  recordDecision,
  SLOW_DECISION_WORKING_DAYS,
} from "../../../src/domain/decision-rules.ts";
import { anAction, anUpdate, aPerson } from "../../support/builders.ts";

const approve = { outcome: "approved" as const, revision: 1, comment: "" };

describe("checkDecision", () => {
  it("lets the first press on the current revision decide", () => {
    expect(checkDecision(anUpdate(), approve)).toEqual({ ok: true });
  });

  it("refuses a second decision and names the first", () => {
    const decided = recordDecision(
      anUpdate(),
      aPerson(),
      approve,
      new Date("2026-12-03T10:42:00Z"),
    );
    const check = checkDecision(decided, {
      ...approve,
      outcome: "returned",
      comment: "More please",
    });
    expect(check).toMatchObject({
      ok: false,
      reason: "already_decided",
      decision: { byName: "Sam Patel", outcome: "approved" },
    });
  });

  it("refuses a press from a card showing an older revision", () => {
    expect(checkDecision(anUpdate({ revision: 3 }), approve)).toEqual({
      ok: false,
      reason: "stale_revision",
      currentRevision: 3,
    });
  });

  it("needs a comment to return, but not to approve", () => {
    expect(checkDecision(anUpdate(), { outcome: "returned", revision: 1, comment: "   " })).toEqual(
      {
        ok: false,
        reason: "comment_required",
      },
    );
    expect(
      checkDecision(anUpdate(), {
        outcome: "returned",
        revision: 1,
        comment: "Add the audit figures",
      }).ok,
    ).toBe(true);
  });
});

describe("recordDecision", () => {
  it("records who decided, when and why, and moves the update to that state", () => {
    const at = new Date("2026-12-03T10:42:00Z");
    const returned = recordDecision(
      anUpdate(),
      aPerson(),
      { outcome: "returned", revision: 1, comment: " Add figures " },
      at,
    );
    expect(returned.state).toBe("returned");
    expect(returned.decision).toEqual({
      outcome: "returned",
      by: "sam@council.gov.uk",
      byName: "Sam Patel",
      at: "2026-12-03T10:42:00.000Z",
      comment: "Add figures",
    });
  });
});

describe("approvedAction", () => {
  it("makes the proposed RAG official", () => {
    expect(approvedAction(anAction({ rag: "Amber" }), anUpdate({ proposedRag: "Red" })).rag).toBe(
      "Red",
    );
  });

  it("applies a revised date as the new completion date", () => {
    const next = approvedAction(
      anAction(),
      anUpdate({ revisedDate: "2027-06-30", revisedDateReason: "Vacancies" }),
    );
    expect(next.completionDate).toEqual({
      text: "30 June 2027",
      due: "2027-06-30",
      tbc: false,
      milestones: ["2027-06-30"],
    });
  });

  it("signs the action off as complete only when completion was proposed with evidence", () => {
    const withEvidence = anUpdate({
      proposeCompletion: true,
      evidenceUrl: "https://council.sharepoint.com/audit",
    });
    expect(approvedAction(anAction(), withEvidence)).toMatchObject({
      complete: true,
      signedOff: true,
    });
    const without = anUpdate({ proposeCompletion: true, evidenceUrl: "" });
    expect(approvedAction(anAction(), without)).toMatchObject({
      complete: false,
      signedOff: false,
    });
  });

  it("is idempotent: applying it again changes nothing", () => {
    const update = anUpdate({ proposedRag: "Red", revisedDate: "2027-06-30" });
    const once = approvedAction(anAction(), update);
    expect(approvalChanges(anAction(), update)).toBe(true);
    expect(approvalChanges(once, update)).toBe(false);
  });
});

describe("approvalNeedsApplying (repair after a crash)", () => {
  const decidedAt = new Date("2026-12-03T10:42:00Z");
  const approved = recordDecision(anUpdate({ proposedRag: "Red" }), aPerson(), approve, decidedAt);

  it("applies an approval the action lacks when nothing changed the action since", () => {
    expect(approvalNeedsApplying(anAction(), approved, ["2026-04-01T09:00:00.000Z"])).toBe(true);
  });

  it("leaves it when the action changed after the decision (applied, or superseded by an import)", () => {
    expect(approvalNeedsApplying(anAction(), approved, ["2026-12-05T09:00:00.000Z"])).toBe(false);
  });

  it("leaves it when the action already shows it, and ignores returns", () => {
    expect(approvalNeedsApplying(anAction({ rag: "Red" }), approved, [])).toBe(false);
    const returned = recordDecision(
      anUpdate(),
      aPerson(),
      { outcome: "returned", revision: 1, comment: "x" },
      decidedAt,
    );
    expect(approvalNeedsApplying(anAction(), returned, [])).toBe(false);
  });
});

describe("a slow decision", () => {
  it("is one waiting more than five working days", () => {
    expect(SLOW_DECISION_WORKING_DAYS).toBe(5);
    expect(isSlowDecision(5)).toBe(false);
    expect(isSlowDecision(6)).toBe(true);
  });
});
