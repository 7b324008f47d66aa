import { describe, expect, it } from "vitest";
import { planNames } from "../../questions/plan-names.ts";
import { loadCorpusPlans } from "../../questions/plans.ts";
import { monthEnd, referenceAnswer } from "../../questions/reference-answer.ts";

/** The reference evaluator itself, checked against answers worked out by hand from the plans. */
const plans = await loadCorpusPlans();
const sample = plans.find((p) => p.key === "sample");
const generated = plans.find((p) => p.key === "generated-60");
if (!sample || !generated) throw new Error("the corpus plans are missing");
const sampleNames = planNames(sample);

describe("the reference evaluator", () => {
  it("reads a month alone as the next one to end, from 23 November 2026", () => {
    expect(monthEnd(12)).toBe("2026-12-31");
    expect(monthEnd(3)).toBe("2027-03-31");
    expect(monthEnd(2)).toBe("2027-02-28");
  });

  it("reads a Lead cell said whole as that cell, ignoring case and spacing", () => {
    expect(referenceAnswer({ subject: "hos/service manager" }, sample, sampleNames)).toEqual({
      kind: "refs",
      refs: ["CSC-01", "CSC-02", "CSC-03", "CSC-07", "CSC-11"],
    });
  });

  it("reads a role word as every Lead holding it", () => {
    const hos = referenceAnswer({ subject: "HoS" }, sample, sampleNames);
    expect(hos.kind === "refs" && hos.refs).toEqual(
      [
        "01",
        "02",
        "03",
        "04",
        "07",
        "09",
        "10",
        "11",
        "12",
        "13",
        "14",
        "15",
        "16",
        "18",
        "19",
      ].map((n) => `CSC-${n}`),
    );
  });

  it("asks which when two names share the phrase, and says when a Ref is not in the plan", () => {
    expect(referenceAnswer({ subject: "IRO" }, sample, sampleNames)).toEqual({ kind: "asksWhich" });
    expect(referenceAnswer({ ref: "CSC-97" }, sample, sampleNames)).toEqual({
      kind: "noSuchAction",
      ref: "CSC-97",
    });
    expect(referenceAnswer({ ref: "csc-07" }, sample, sampleNames)).toEqual({
      kind: "refs",
      refs: ["CSC-07"],
    });
  });

  it("finds SEND inside a long priority name", () => {
    const names = planNames(generated);
    const send = referenceAnswer({ subject: "SEND" }, generated, names);
    const priority2 = generated.actions.filter((a) => a.priorities.includes(2)).map((a) => a.ref);
    expect(send).toEqual({ kind: "refs", refs: priority2.sort() });
  });

  it("leaves complete actions and those without a date out of overdue", () => {
    const names = planNames(generated);
    const overdue = referenceAnswer({ date: { kind: "overdue" } }, generated, names);
    const expected = generated.actions
      .filter((a) => a.completionDate.due !== null && a.completionDate.due < "2026-11-23")
      .filter((a) => !a.complete)
      .map((a) => a.ref)
      .sort();
    expect(overdue).toEqual({ kind: "refs", refs: expected });
    expect(expected.length).toBeGreaterThan(5);
  });
});
