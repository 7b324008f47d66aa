import { describe, expect, it } from "vitest";
import { formatDateTime, formatInstantDate } from "../../../src/cards/date-time-text.ts";
import { dueDateText } from "../../../src/cards/due-date-text.ts";
import { andMore, countOf } from "../../../src/cards/list-text.ts";
import { quarterMonthsLabel } from "../../../src/cards/quarter-label.ts";
import { ragBadge, ragLabel } from "../../../src/cards/rag-badge.ts";
import { linkOrText } from "../../../src/cards/safe-link.ts";

describe("dates and times on cards", () => {
  it("shows decision times in UK time, summer and winter", () => {
    expect(formatDateTime("2026-12-03T10:42:00Z")).toBe("3 December 2026 at 10:42");
    expect(formatDateTime("2026-09-29T09:30:00Z")).toBe("29 September 2026 at 10:30");
    expect(formatInstantDate("2026-09-30T23:30:00Z")).toBe("1 October 2026");
    expect(formatDateTime("2026-12-03T10:42:00Z", "Asia/Kolkata")).toBe("3 December 2026 at 16:12");
    expect(formatDateTime("not a time")).toBe("not a time");
  });

  it("names quarters by their months, the fourth in the next calendar year", () => {
    expect(quarterMonthsLabel("2026-Q1")).toBe("April to June 2026");
    expect(quarterMonthsLabel("2026-Q3")).toBe("October to December 2026");
    expect(quarterMonthsLabel("2026-Q4")).toBe("January to March 2027");
  });

  it("shows due dates, TBC and the plan's own wording", () => {
    expect(dueDateText({ text: "Sept 26", due: "2026-09-30", tbc: false, milestones: [] })).toBe(
      "30 September 2026",
    );
    expect(dueDateText({ text: "TBC", due: null, tbc: true, milestones: [] })).toBe(
      "No date (TBC)",
    );
    expect(dueDateText({ text: "Ongoing", due: null, tbc: false, milestones: [] })).toBe("Ongoing");
    expect(dueDateText({ text: "", due: null, tbc: false, milestones: [] })).toBe("No date");
  });
});

describe("RAG badge", () => {
  it("always pairs the colour with the word", () => {
    expect(ragBadge("Red")).toMatchObject({ text: "\u25cf Red", color: "attention" });
    expect(ragBadge("Amber")).toMatchObject({ text: "\u25cf Amber", color: "warning" });
    expect(ragBadge("Green")).toMatchObject({ text: "\u25cf Green", color: "good" });
    expect(ragLabel(null)).toBe("\u25cb Not rated");
  });
});

describe("list wording", () => {
  it("counts in plain English", () => {
    expect(countOf(1, "action")).toBe("1 action");
    expect(countOf(4, "action")).toBe("4 actions");
    expect(andMore(3)).toBe("and 3 more");
    expect(andMore(1, "person", "people")).toBe("and 1 more person");
    expect(andMore(2, "person", "people")).toBe("and 2 more people");
  });
});

describe("links", () => {
  it("links web addresses, encoding brackets, and shows anything else as text", () => {
    expect(linkOrText("Evidence", "https://x.org/a_(1)")).toBe(
      "[Evidence](https://x.org/a_%281%29)",
    );
    expect(linkOrText("Evidence", "javascript:alert(1)")).toBe("javascript:alert\\(1\\)");
    expect(linkOrText("Evidence", "S:\\audit.docx")).toBe("S:\\\\audit.docx");
  });
});
