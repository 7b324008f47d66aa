import { type Update, UpdateSchema } from "../../../src/domain/update.ts";

/**
 * Two quarters of Kestlewood's reviews, so history questions have something to read. The plan's
 * BRAG column is the rating after this quarter's (2026-Q3) approvals; last quarter (2026-Q2) is
 * what DMT approved then. R1.2's Red awaits sign-off and R3.2's Amber was returned: neither counts.
 *
 * Ref, quarter, rating it was sent against, proposed rating, state.
 */
const ROWS: readonly [string, string, string, string, Update["state"]][] = [
  ["R2.1", "2026-Q2", "Amber", "Amber", "approved"],
  ["R2.1", "2026-Q3", "Amber", "Red", "approved"],
  ["R5.1", "2026-Q2", "Amber", "Amber", "approved"],
  ["R5.1", "2026-Q3", "Amber", "Red", "approved"],
  ["R1.4", "2026-Q2", "Red", "Red", "approved"],
  ["R1.4", "2026-Q3", "Red", "Red", "approved"],
  ["R3.5", "2026-Q2", "Amber", "Red", "approved"],
  ["R3.5", "2026-Q3", "Red", "Red", "approved"],
  ["R6.1", "2026-Q2", "Red", "Red", "approved"],
  ["R6.1", "2026-Q3", "Red", "Amber", "approved"],
  ["R4.2", "2026-Q2", "Amber", "Amber", "approved"],
  ["R4.2", "2026-Q3", "Amber", "Green", "approved"],
  ["R8.2", "2026-Q2", "Amber", "Amber", "approved"],
  ["R8.2", "2026-Q3", "Amber", "Green", "approved"],
  ["R2.5", "2026-Q2", "Green", "Green", "approved"],
  ["R2.5", "2026-Q3", "Green", "Amber", "approved"],
  ["R1.2", "2026-Q2", "Amber", "Amber", "approved"],
  ["R1.2", "2026-Q3", "Amber", "Red", "submitted"],
  ["R3.2", "2026-Q2", "Red", "Red", "approved"],
  ["R3.2", "2026-Q3", "Red", "Amber", "returned"],
];

export const KESTLEWOOD_UPDATES: readonly Update[] = ROWS.map(
  ([ref, quarter, previousRag, proposedRag, state]) => {
    const decided = state === "submitted" ? null : state;
    const decidedOn = quarter === "2026-Q2" ? "2026-09-20T10:00:00Z" : "2026-11-16T10:00:00Z";
    return UpdateSchema.parse({
      id: `${quarter}:${ref}`,
      quarter,
      ref,
      progress: `Quarterly update on ${ref}.`,
      proposedRag,
      ragJustification: "",
      revisedDate: null,
      revisedDateReason: "",
      evidenceUrl: "",
      proposeCompletion: false,
      author: "lead@kestlewood.gov.uk",
      authorName: "An Action Lead",
      state,
      submittedAt: decidedOn.replace("T10", "T09"),
      revision: 0,
      previousRag,
      decision: decided && {
        outcome: decided,
        by: "dmt@kestlewood.gov.uk",
        byName: "A DMT Member",
        at: decidedOn,
        comment: decided === "returned" ? "Please say what finance decided." : "",
      },
    });
  },
);
