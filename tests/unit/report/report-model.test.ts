import { describe, expect, it } from "vitest";
import { buildReportModel } from "../../../src/report/report-model.ts";
import { action, inputs, PLAN, update } from "./report-fixtures.ts";

describe("the quarter's report model", () => {
  const actions = [
    action("A-1", [1], "Green", "2027-03-31"),
    action("A-2", [1], "Red", "2027-06-30"),
    action("A-3", [2], "Amber", "2026-11-30"),
    action("A-4", [2], "Amber", "2027-03-31"),
    action("A-5", [], "Green", null),
  ];

  it("reports an approved update as progress, with the story answers the lead gave", () => {
    const model = buildReportModel(
      inputs(actions, [
        update("A-1", "2026-Q3", "approved", {
          difference: "Families tell their story once.",
          nextSteps: "Audit in March.",
          evidenceUrl: "https://council.example/audit.pdf",
        }),
      ]),
    );
    const a1 = model.appendix.find((p) => p.ref === "A-1");
    expect(a1).toMatchObject({
      thisQuarter: { kind: "approved", decidedBy: "Dee Director" },
      agreedProgress: { quarter: "2026-Q3", text: "Progress on A-1 in 2026-Q3" },
      difference: "Families tell their story once.",
      nextSteps: "Audit in March.",
      evidenceUrl: "https://council.example/audit.pdf",
    });
  });

  it("never shows an update awaiting a decision as agreed: it is listed as awaiting instead", () => {
    const model = buildReportModel(
      inputs(actions, [
        update("A-4", "2026-Q2", "approved", { progress: "Last quarter's agreed words" }),
        update("A-4", "2026-Q3", "submitted", {
          progress: "Pending words",
          difference: "Pending difference",
          nextSteps: "Pending next steps",
          revisedDate: "2027-09-30",
          evidenceUrl: "https://council.example/pending.pdf",
        }),
      ]),
    );
    const a4 = model.appendix.find((p) => p.ref === "A-4");
    expect(a4?.thisQuarter).toMatchObject({ kind: "awaiting", submittedBy: "Ola Ade" });
    // What was agreed before is kept, marked with its quarter; nothing of the pending update shows.
    expect(a4?.agreedProgress).toEqual({ quarter: "2026-Q2", text: "Last quarter's agreed words" });
    expect(JSON.stringify(model)).not.toMatch(/Pending|pending\.pdf|2027-09-30|30 September 2027/);
    expect(model.summary.awaiting.map((a) => a.ref)).toEqual(["A-4"]);
    expect(model.summary.revisedDates).toEqual([]);
  });

  it("reports a returned update as returned, not as progress", () => {
    const model = buildReportModel(
      inputs(actions, [update("A-1", "2026-Q3", "returned", { progress: "Too thin" })]),
    );
    expect(model.appendix[0]?.thisQuarter.kind).toBe("returned");
    expect(model.appendix[0]?.agreedProgress).toBeNull();
    expect(model.summary.returned.map((r) => r.ref)).toEqual(["A-1"]);
    expect(JSON.stringify(model)).not.toContain("Too thin");
  });

  it("leaves the optional answers out when the lead left them blank or the form had none", () => {
    const model = buildReportModel(
      inputs(actions, [
        update("A-1", "2026-Q3", "approved", { difference: "   ", nextSteps: "" }),
        update("A-2", "2026-Q3", "approved"),
      ]),
    );
    for (const ref of ["A-1", "A-2"]) {
      const p = model.appendix.find((x) => x.ref === ref);
      expect(p?.difference).toBeNull();
      expect(p?.nextSteps).toBeNull();
    }
  });

  it("puts every Red or overdue action among the exceptions, in Ref order", () => {
    const model = buildReportModel(inputs(actions, []));
    // A-2 is Red; A-3 was due on 30 November 2026, before the report's day.
    expect(model.exceptions.map((p) => p.ref)).toEqual(["A-2", "A-3"]);
    expect(model.summary.overdue.map((o) => o.ref)).toEqual(["A-3"]);
  });

  it("lists revised dates and completions DMT approved this quarter only", () => {
    const model = buildReportModel(
      inputs(actions, [
        update("A-3", "2026-Q3", "approved", {
          revisedDate: "2027-02-28",
          revisedDateReason: "Recruitment",
        }),
        update("A-4", "2026-Q2", "approved", { revisedDate: "2026-09-30" }),
        update("A-1", "2026-Q3", "approved", {
          proposeCompletion: true,
          evidenceUrl: "https://council.example/done",
        }),
      ]),
    );
    expect(model.summary.revisedDates).toEqual([
      { ref: "A-3", title: "Action A-3", date: "28 February 2027", reason: "Recruitment" },
    ]);
    expect(model.summary.completions).toEqual([{ ref: "A-1", title: "Action A-1" }]);
  });

  it("counts RAG per priority this quarter and last, from DMT's decisions", () => {
    const model = buildReportModel(
      inputs(actions, [
        update("A-2", "2026-Q2", "approved", { proposedRag: "Amber" }),
        update("A-2", "2026-Q3", "approved", { proposedRag: "Red" }),
        update("A-1", "2026-Q2", "approved", { proposedRag: "Green" }),
      ]),
    );
    expect(model.summary.byPriority[0]).toEqual({
      name: "Priority 1: Early help",
      thisQuarter: { Red: 1, Amber: 0, Green: 1, Unrated: 0 },
      lastQuarter: { Red: 0, Amber: 1, Green: 1, Unrated: 0 },
    });
    expect(model.summary.movements).toEqual(["1 action Amber → Red (A-2)"]);
  });

  it("reports an older quarter's ratings as they were, not today's after later approvals", () => {
    // A-2 is Red today because DMT approved Red in Q4; the Q3 report must still say Amber.
    const model = buildReportModel({
      ...inputs(actions, [
        update("A-2", "2026-Q2", "approved", { proposedRag: "Green" }),
        update("A-2", "2026-Q3", "approved", { proposedRag: "Amber" }),
        update("A-2", "2026-Q4", "approved", { proposedRag: "Red" }),
        update("A-1", "2026-Q3", "approved", { proposedRag: "Green", previousRag: "Green" }),
      ]),
      quarter: "2026-Q3",
    });
    expect(model.summary.byPriority[0]).toEqual({
      name: "Priority 1: Early help",
      thisQuarter: { Red: 0, Amber: 1, Green: 1, Unrated: 0 },
      lastQuarter: { Red: 0, Amber: 0, Green: 2, Unrated: 0 },
    });
    expect(model.summary.movements).toEqual(["1 action Green → Amber (A-2)"]);
  });

  it("groups profiles by priority, then the actions under none; by section for a plan without", () => {
    const model = buildReportModel(inputs(actions, []));
    expect(model.groups.map((g) => [g.heading, g.profiles.map((p) => p.ref)])).toEqual([
      ["Priority 1: Early help", ["A-1", "A-2"]],
      ["Priority 2: Children in care", ["A-3", "A-4"]],
      ["Actions under no priority", ["A-5"]],
    ]);
    const sections = buildReportModel(
      inputs(
        [action("S-1", [], null, null, { section: "Front door" }), action("S-2", [], null, null)],
        [],
        { ...PLAN, priorities: [] },
      ),
    );
    expect(sections.groups.map((g) => g.heading)).toEqual(["Front door", "Children's Social Care"]);
  });

  it("names the quarter in words and the day the report is as at", () => {
    const model = buildReportModel(inputs(actions, []));
    expect(model).toMatchObject({
      quarterWords: "October to December 2026",
      lastQuarterWords: "July to September 2026",
      dateText: "15 December 2026",
    });
  });
});
