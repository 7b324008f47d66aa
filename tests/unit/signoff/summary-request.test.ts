import { describe, expect, it } from "vitest";
import { summaryQuarter } from "../../../src/signoff/quarterly-summary.ts";
import { isSummaryRequest } from "../../../src/signoff/summary-command.ts";

describe("isSummaryRequest", () => {
  it("takes the plain requests for the whole summary", () => {
    for (const text of [
      "summary",
      "Summary?",
      "quarterly summary",
      "  Quarterly   Summary. ",
      "show me the summary",
    ]) {
      expect(isSummaryRequest(text), text).toBe(true);
    }
  });

  it("leaves narrower questions to the question feature", () => {
    for (const text of [
      "summary for priority 1",
      "what's red for priority 3",
      "summary of CSC-07",
    ]) {
      expect(isSummaryRequest(text), text).toBe(false);
    }
  });
});

describe("summaryQuarter", () => {
  const none = new Map();

  it("is the quarter whose review is under way", () => {
    // 2026-Q3's review is on Thursday 31 December 2026; its reminders open 14 working days before.
    expect(summaryQuarter("2026-12-15", none)).toBe("2026-Q3");
  });

  it("stays on the last review until the next one opens", () => {
    expect(summaryQuarter("2027-01-20", none)).toBe("2026-Q3");
    expect(summaryQuarter("2026-10-05", none)).toBe("2026-Q2");
  });

  it("follows a review started early or moved", () => {
    expect(
      summaryQuarter(
        "2027-01-20",
        new Map([["2026-Q4", { reviewDate: "2027-03-31", state: "open" as const }]]),
      ),
    ).toBe("2026-Q4");
    expect(
      summaryQuarter(
        "2027-01-10",
        new Map([["2026-Q3", { reviewDate: "2027-01-15", state: "scheduled" as const }]]),
      ),
    ).toBe("2026-Q3");
  });
});
