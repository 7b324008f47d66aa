import { describe, expect, it } from "vitest";
import type { PlanDate } from "../../../src/domain/action.ts";
import type { Rag } from "../../../src/domain/rag.ts";
import {
  greenNeedsJustification,
  isOverdue,
  parseRag,
  suggestRag,
} from "../../../src/domain/rag-rules.ts";

const TODAY = "2026-09-01";

function dueOn(due: string | null, tbc = false): PlanDate {
  return { text: due ?? (tbc ? "TBC" : ""), due, tbc, milestones: due ? [due] : [] };
}

function action(due: string | null, rag: Rag | null, complete = false, tbc = false) {
  return { completionDate: dueOn(due, tbc), rag, complete };
}

describe("parseRag", () => {
  it.each<[string, Rag | null, boolean]>([
    ["Red", "Red", false],
    ["red", "Red", false],
    [" AMBER ", "Amber", false],
    ["Green", "Green", false],
    ["R", "Red", false],
    ["a", "Amber", false],
    ["G", "Green", false],
    ["Complete", "Green", true],
    ["completed", "Green", true],
    ["", null, false],
    ["   ", null, false],
  ])("reads %j as %s (complete: %s)", (text, rag, complete) => {
    expect(parseRag(text)).toEqual({ ok: true, rag, complete });
  });

  it("refuses another colour, listing the accepted values", () => {
    expect(parseRag("Purple")).toEqual({
      ok: false,
      reason:
        '"Purple" is not a RAG rating: use Red, Amber or Green (or R, A, G), Blue or Complete for a finished action, or the key\'s words On track, At risk, Not started or Off track',
    });
  });
});

describe("suggestRag: the plan's key", () => {
  it("suggests Green for a completed action, even when its date has passed", () => {
    expect(suggestRag(action("2026-03-31", "Red", true), TODAY)).toEqual({
      rag: "Green",
      reason: "marked complete: the plan's key says Green",
    });
  });

  it("suggests Red once the due date has passed", () => {
    expect(suggestRag(action("2026-08-31", "Green"), TODAY)).toEqual({
      rag: "Red",
      reason: "due 31 August 2026 has passed: the plan's key says Red",
    });
  });

  it("does not count an action due today as late", () => {
    expect(suggestRag(action(TODAY, "Green"), TODAY).rag).toBe("Green");
  });

  it("suggests Amber (at risk) for a slipping action due within 30 days", () => {
    const suggestion = suggestRag(action("2026-09-30", "Red"), TODAY);
    expect(suggestion.rag).toBe("Amber");
    expect(suggestion.reason).toContain("due 30 September 2026");
    expect(suggestion.reason).toContain("Amber (at risk)");
    expect(suggestRag(action("2026-10-01", "Amber"), TODAY).rag).toBe("Amber");
  });

  it("keeps a Red rating when the due date is more than 30 days away", () => {
    expect(suggestRag(action("2026-10-02", "Red"), TODAY)).toEqual({
      rag: "Red",
      reason: "due 2 October 2026: keeping the current rating, Red",
    });
  });

  it("keeps Green for an action on track, however close its date", () => {
    expect(suggestRag(action("2026-09-10", "Green"), TODAY).rag).toBe("Green");
  });

  it("suggests Amber for an unrated action with a future date", () => {
    expect(suggestRag(action("2027-03-31", null), TODAY)).toEqual({
      rag: "Amber",
      reason: "not yet rated",
    });
  });

  it("keeps the current rating, or Amber, when there is no completion date", () => {
    expect(suggestRag(action(null, "Green", false, true), TODAY)).toEqual({
      rag: "Green",
      reason: "no completion date set",
    });
    expect(suggestRag(action(null, null), TODAY)).toEqual({
      rag: "Amber",
      reason: "no completion date set",
    });
  });
});

describe("isOverdue and greenNeedsJustification", () => {
  it("counts an action as overdue only after its due date, and never once complete", () => {
    expect(isOverdue(action("2026-08-31", "Amber"), TODAY)).toBe(true);
    expect(isOverdue(action(TODAY, "Amber"), TODAY)).toBe(false);
    expect(isOverdue(action("2026-08-31", "Green", true), TODAY)).toBe(false);
    expect(isOverdue(action(null, "Amber", false, true), TODAY)).toBe(false);
  });

  it("asks why Green is proposed for an overdue action that is not complete", () => {
    expect(greenNeedsJustification(action("2026-08-31", "Amber"), "Green", TODAY)).toBe(true);
  });

  it("does not ask when the proposal is not Green, the action is complete, or it is not yet due", () => {
    expect(greenNeedsJustification(action("2026-08-31", "Amber"), "Amber", TODAY)).toBe(false);
    expect(greenNeedsJustification(action("2026-08-31", "Amber", true), "Green", TODAY)).toBe(
      false,
    );
    expect(greenNeedsJustification(action("2026-12-31", "Amber"), "Green", TODAY)).toBe(false);
  });
});
