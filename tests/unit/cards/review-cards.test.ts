import { describe, expect, it } from "vitest";
import { CARD_SIZE_BUDGET_BYTES, cardJsonBytes } from "../../../src/cards/card-json.ts";
import { buildDmtOutstandingCard } from "../../../src/cards/dmt-outstanding-card.ts";
import { buildReviewStatusCard } from "../../../src/cards/review-status-card.ts";
import { cardProblems, readableCardText } from "../../support/validate-card.ts";

const owing = [
  { who: "Jo Bloggs", refs: ["CSC-02", "CSC-03"] },
  { who: "IRO (nobody in the directory)", refs: ["CSC-05"] },
];
const awaiting = [
  {
    ref: "CSC-07",
    title: "Regular review of CP cases",
    submittedBy: "Jo Bloggs",
    submittedAt: "2026-12-01T16:20:00Z",
    workingDaysWaiting: 7,
  },
  {
    ref: "CSC-15",
    title: "Children's participation",
    submittedBy: "Priya Shah",
    submittedAt: "2026-12-08T11:00:00Z",
    workingDaysWaiting: 2,
  },
];
const returned = [
  {
    ref: "CSC-12",
    title: "Pathway plans",
    returnedBy: "Sam Patel",
    comment: "Add the *care leaver* feedback",
  },
];

describe("review status card", () => {
  it("shows the quarter, review date, counts and each list", () => {
    const card = buildReviewStatusCard({
      quarter: "2026-Q3",
      reviewDate: "2026-12-31",
      owing,
      awaiting,
      returned,
      approvedCount: 12,
    });
    expect(cardProblems(card)).toEqual([]);
    const text = readableCardText(card);
    expect(text).toContain("October to December 2026 review");
    expect(text).toContain("Review date: 31 December 2026");
    expect(text).toContain(
      "12 approved \u00b7 2 awaiting sign-off \u00b7 1 returned \u00b7 3 still to update",
    );
    expect(text).toContain("\u2022 Jo Bloggs: CSC-02, CSC-03");
    expect(text).toContain("\u2022 IRO (nobody in the directory): CSC-05");
    expect(text.join("\n")).toContain(
      "CSC-07 Regular review of CP cases (sent by Jo Bloggs on 1 December 2026 at 16:20",
    );
    expect(text).toContain(
      "\u2022 CSC-12 Pathway plans: returned by Sam Patel \u2014 \u201cAdd the *care leaver* feedback\u201d",
    );
  });

  it("says when a list is empty", () => {
    const card = buildReviewStatusCard({
      quarter: "2026-Q3",
      reviewDate: "2026-12-31",
      owing: [],
      awaiting: [],
      returned: [],
      approvedCount: 19,
    });
    const text = readableCardText(card);
    expect(text).toContain("Nobody: every action has an update.");
    expect(text).toContain("Nothing is waiting for sign-off.");
  });

  it("stays small however far behind the review is", () => {
    const many = Array.from({ length: 40 }, (_, i) => ({
      who: `Lead ${i}`,
      refs: Array.from({ length: 30 }, (_, j) => `CSC-${i}-${j}`),
    }));
    const card = buildReviewStatusCard({
      quarter: "2026-Q3",
      reviewDate: "2026-12-31",
      owing: many,
      awaiting: [],
      returned: [],
      approvedCount: 0,
    });
    const text = readableCardText(card);
    expect(text).toContain("and 25 more people");
    expect(text.join("\n")).toContain("and 20 more");
    expect(cardJsonBytes(card)).toBeLessThan(CARD_SIZE_BUDGET_BYTES);
  });
});

describe("DMT outstanding card", () => {
  it("lists who still owes what and only updates waiting more than 5 working days", () => {
    const card = buildDmtOutstandingCard({
      quarter: "2026-Q3",
      reviewDate: "2026-12-31",
      owing,
      awaiting,
    });
    expect(cardProblems(card)).toEqual([]);
    const text = readableCardText(card);
    const all = text.join("\n");
    expect(all).toContain("The review is on 31 December 2026.");
    expect(text).toContain("Still to update (3 actions)");
    expect(text).toContain("\u2022 Jo Bloggs: CSC-02, CSC-03");
    expect(text).toContain("Waiting more than 5 working days for a decision (1)");
    expect(all).toContain("CSC-07 Regular review of CP cases");
    expect(all).toContain("waiting 7 working days");
    expect(all).not.toContain("CSC-15 Children");
    expect(all).toContain("1 more update is awaiting a decision, sent more recently.");
  });
});
