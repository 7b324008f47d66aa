import { beforeAll, describe, expect, it } from "vitest";
import { buildSignOffQueue } from "../../../src/api/signoff-queue.ts";
import type { Action } from "../../../src/domain/action.ts";
import { anUpdate, sampleActions } from "../xlsx/sample-rows.ts";

describe("DMT's sign-off queue", () => {
  let actions: Action[];
  beforeAll(async () => {
    actions = await sampleActions();
  });

  it("lists only updates awaiting a decision, the longest-waiting first", () => {
    const queue = buildSignOffQueue(
      actions,
      [
        anUpdate("CSC-09", "2026-Q3", { submittedAt: "2026-12-10T10:00:00Z" }),
        anUpdate("CSC-02", "2026-Q3", { submittedAt: "2026-12-01T10:00:00Z" }),
        anUpdate("CSC-03", "2026-Q3", { state: "approved" }),
        anUpdate("CSC-04", "2026-Q3", { state: "returned" }),
      ],
      "2026-12-11",
      "Europe/London",
    );
    expect(queue.map((item) => item.ref)).toEqual(["CSC-02", "CSC-09"]);
    expect(queue[0]).toMatchObject({
      quarter: "2026-Q3",
      quarterLabel: expect.stringContaining("October to December 2026"),
      submittedBy: "Jo Bloggs",
      lead: "HoS/Service Manager",
    });
  });

  it("counts working days waited: sent on a Friday, seen on Monday, is one", () => {
    const [item] = buildSignOffQueue(
      actions,
      [anUpdate("CSC-02", "2026-Q3", { submittedAt: "2026-12-04T15:00:00Z" })],
      "2026-12-07",
      "Europe/London",
    );
    expect(item?.workingDaysWaiting).toBe(1);
  });

  it("skips bank holidays when counting the wait", () => {
    // Sent Wednesday 23 December 2026; Christmas Day and Boxing Day (substitute Monday 28th) are not counted.
    const [item] = buildSignOffQueue(
      actions,
      [anUpdate("CSC-02", "2026-Q3", { submittedAt: "2026-12-23T12:00:00Z" })],
      "2026-12-29",
      "Europe/London",
    );
    expect(item?.workingDaysWaiting).toBe(2);
  });

  it("marks a slow decision once it has waited more than five working days", () => {
    const waitingOn = (today: string) =>
      buildSignOffQueue(
        actions,
        // Sent Monday 30 November 2026: five working days by Monday 7 December, six by Tuesday.
        [anUpdate("CSC-02", "2026-Q3", { submittedAt: "2026-11-30T10:00:00Z" })],
        today,
        "Europe/London",
      )[0];
    expect(waitingOn("2026-12-07")).toMatchObject({ workingDaysWaiting: 5, slowDecision: false });
    expect(waitingOn("2026-12-08")).toMatchObject({ workingDaysWaiting: 6, slowDecision: true });
  });
});
