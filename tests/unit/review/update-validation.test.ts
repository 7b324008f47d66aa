import { describe, expect, it } from "vitest";
import { checkSubmission } from "../../../src/review/update-validation.ts";
import { makeAction, submission } from "../cards/card-fixtures.ts";

const TODAY = "2026-12-10";
// Due 30 September 2026: past, so the plan's key says Red.
const overdue = makeAction();
const onTime = makeAction({
  completionDate: { text: "March 2027", due: "2027-03-31", tbc: false, milestones: [] },
});

describe("checking a submitted update", () => {
  it("accepts progress with a rating", () => {
    expect(checkSubmission(submission({}), overdue, TODAY)).toMatchObject({
      ok: true,
      value: { proposedRag: "Amber" },
    });
  });

  it("says progress is missing when it is empty or only spaces", () => {
    const result = checkSubmission(submission({ progress: "   " }), overdue, TODAY);
    expect(result).toMatchObject({
      ok: false,
      errors: { progress: expect.stringContaining("can't be empty") },
    });
  });

  it("refuses progress over 4,000 characters, saying how long it is", () => {
    const result = checkSubmission(submission({ progress: "x".repeat(4001) }), overdue, TODAY);
    expect(result).toMatchObject({
      ok: false,
      errors: { progress: expect.stringContaining("4,001") },
    });
  });

  it("asks for a rating when none was chosen", () => {
    expect(checkSubmission(submission({ proposedRag: "" }), overdue, TODAY)).toMatchObject({
      ok: false,
      errors: { proposedRag: "Choose Red, Amber or Green." },
    });
  });

  it("asks why Green when the due date has passed, and accepts it with a reason", () => {
    const bare = checkSubmission(submission({ proposedRag: "Green" }), overdue, TODAY);
    expect(bare).toMatchObject({
      ok: false,
      errors: { ragJustification: expect.stringContaining("30 September 2026") },
    });
    const justified = checkSubmission(
      submission({ proposedRag: "Green", ragJustification: "Done, awaiting evidence" }),
      overdue,
      TODAY,
    );
    expect(justified.ok).toBe(true);
    expect(checkSubmission(submission({ proposedRag: "Green" }), onTime, TODAY).ok).toBe(true);
  });

  it("needs a reason with a revised date, and a date that has not passed", () => {
    expect(
      checkSubmission(submission({ revisedDate: "2027-06-30" }), overdue, TODAY),
    ).toMatchObject({
      ok: false,
      errors: { revisedDateReason: "Say why the completion date is changing." },
    });
    expect(
      checkSubmission(
        submission({ revisedDate: "2026-11-30", revisedDateReason: "Staffing" }),
        overdue,
        TODAY,
      ),
    ).toMatchObject({
      ok: false,
      errors: { revisedDate: expect.stringContaining("30 November 2026 has already passed") },
    });
  });

  it("needs an evidence link to propose completion, and a web link at that", () => {
    expect(
      checkSubmission(submission({ proposeCompletion: "true" }), overdue, TODAY),
    ).toMatchObject({
      ok: false,
      errors: { evidenceUrl: expect.stringContaining("add a link") },
    });
    expect(
      checkSubmission(submission({ evidenceUrl: "see the shared drive" }), overdue, TODAY),
    ).toMatchObject({
      ok: false,
      errors: { evidenceUrl: expect.stringContaining("https://") },
    });
    expect(
      checkSubmission(
        submission({
          proposeCompletion: "true",
          evidenceUrl: "https://council.sharepoint.com/audit",
        }),
        overdue,
        TODAY,
      ).ok,
    ).toBe(true);
  });
});
