import { describe, expect, it } from "vitest";
import {
  actionRagByQuarter,
  ragMixByQuarter,
  trendQuarters,
} from "../../../src/domain/rag-trend.ts";
import { anAction, anUpdate, approvedBy } from "../../support/builders.ts";

const approved = (
  ref: string,
  quarter: string,
  proposedRag: "Red" | "Amber" | "Green",
  previousRag: "Red" | "Amber" | "Green" | null,
) =>
  anUpdate({
    ref,
    quarter,
    proposedRag,
    previousRag,
    state: "approved",
    decision: approvedBy("2026-10-01T10:00:00.000Z"),
  });

// Today's official ratings: what the plan says after every approval so far.
const csc1 = anAction({ ref: "CSC-01", rag: "Green" });
const csc2 = anAction({ ref: "CSC-02", rag: "Amber" });
const csc3 = anAction({ ref: "CSC-03", rag: null });
const csc4 = anAction({ ref: "CSC-04", rag: "Red" });

const updates = [
  // CSC-01: approved Amber in Q2 (from Red), then Green in Q3.
  approved("CSC-01", "2026-Q2", "Amber", "Red"),
  approved("CSC-01", "2026-Q3", "Green", "Amber"),
  // CSC-02: approved Amber in Q2; nothing approved in Q3, so it keeps Amber.
  approved("CSC-02", "2026-Q2", "Amber", "Green"),
  // CSC-04: Q3's update proposes Green but awaits DMT: it is still Red, as agreed in Q2.
  approved("CSC-04", "2026-Q2", "Red", "Red"),
  anUpdate({ ref: "CSC-04", quarter: "2026-Q3", proposedRag: "Green", previousRag: "Red" }),
];

describe("the RAG mix per quarter", () => {
  it("gives each action the rating DMT approved by the end of each quarter", () => {
    const quarters = ["2026-Q1", "2026-Q2", "2026-Q3"];
    expect(ragMixByQuarter([csc1, csc2, csc3, csc4], updates, quarters)).toEqual([
      // Before any approval: the rating the first update was sent against.
      { quarter: "2026-Q1", mix: { Red: 2, Amber: 0, Green: 1, Unrated: 1 } },
      { quarter: "2026-Q2", mix: { Red: 1, Amber: 2, Green: 0, Unrated: 1 } },
      { quarter: "2026-Q3", mix: { Red: 1, Amber: 1, Green: 1, Unrated: 1 } },
    ]);
  });

  it("keeps an action's last approved rating through a quarter with no approval", () => {
    expect(
      actionRagByQuarter(
        csc2,
        updates.filter((u) => u.ref === "CSC-02"),
        ["2026-Q2", "2026-Q3"],
      ),
    ).toEqual([
      { quarter: "2026-Q2", rag: "Amber" },
      { quarter: "2026-Q3", rag: "Amber" },
    ]);
  });

  it("gives an action's own history: Amber in Q2, Green in Q3", () => {
    expect(
      actionRagByQuarter(
        csc1,
        updates.filter((u) => u.ref === "CSC-01"),
        ["2026-Q2", "2026-Q3"],
      ),
    ).toEqual([
      { quarter: "2026-Q2", rag: "Amber" },
      { quarter: "2026-Q3", rag: "Green" },
    ]);
  });

  it("never counts an update awaiting a decision", () => {
    const [q3] = actionRagByQuarter(
      csc4,
      updates.filter((u) => u.ref === "CSC-04"),
      ["2026-Q3"],
    );
    expect(q3?.rag).toBe("Red");
  });

  it("covers every quarter from the first update to now, including quarters nobody updated", () => {
    expect(trendQuarters([{ quarter: "2025-Q4" }, { quarter: "2026-Q2" }], "2026-Q3")).toEqual([
      "2025-Q4",
      "2026-Q1",
      "2026-Q2",
      "2026-Q3",
    ]);
    expect(trendQuarters([], "2026-Q3")).toEqual([]);
    // An update for a quarter after `upTo` starts nothing.
    expect(trendQuarters([{ quarter: "2027-Q1" }], "2026-Q3")).toEqual([]);
  });
});
