import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { planIdFor } from "../../../src/domain/plan-names.ts";
import { updateId } from "../../../src/domain/update.ts";

/** Refs as councils write them: 1.1, CSC-07, 2a(ii), 1/2a, #4, P3.2 — and anything else. */
const ref = fc.oneof(
  fc.constantFrom("1.1", "1.2", "CSC-07", "2a(ii)", "1/2a", "#4", "P3.2", "1:1", "1.1~x"),
  fc.string({ minLength: 1, maxLength: 12 }),
);
/** Plan ids as the store makes them, from the names councils give their plans; the first is `default`. */
const planId = fc.oneof(
  fc.constant("default"),
  fc
    .constantFrom(
      "SEND Improvement Plan 2025-26",
      "Early Help Strategy",
      "2026-Q3",
      "default",
      "Plan",
    )
    .map((name) => planIdFor(name, new Set(["default"]))),
  fc.string({ minLength: 1, maxLength: 20 }).map((name) => planIdFor(name, new Set(["default"]))),
);
const quarter = fc.constantFrom("2026-Q1", "2026-Q3", "2027-Q4");

describe("update ids", () => {
  it("keep the first plan's ids as they were before a store held several plans", () => {
    expect(updateId("2026-Q3", "1.1", "default")).toBe("2026-Q3:1.1");
    expect(updateId("2026-Q3", "1/2a", "default")).toBe("2026-Q3:1~2F2a");
  });

  it("give Ref 1.1 of another plan an id of its own", () => {
    expect(updateId("2026-Q3", "1.1", "send-plan")).toBe("2026-Q3~send-plan:1.1");
  });

  // (Within one plan, a Ref written already encoded, "1~2F2a" beside "1/2a", is refused at import.)
  it("never give two plans' actions one id in a quarter, whatever their Refs", () => {
    fc.assert(
      fc.property(quarter, planId, ref, planId, ref, (q, planA, refA, planB, refB) => {
        fc.pre(planA !== planB);
        expect(updateId(q, refA, planA)).not.toBe(updateId(q, refB, planB));
      }),
      { numRuns: 2000 },
    );
  });

  it("are ids the store accepts", () => {
    fc.assert(
      fc.property(quarter, planId, ref, (q, p, r) => {
        expect(updateId(q, r, p)).not.toMatch(/[/\\?#]/);
      }),
    );
  });
});
