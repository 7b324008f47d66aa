import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CARD_SIZE_BUDGET_BYTES, cardJsonBytes } from "../../../src/cards/card-json.ts";
import { buildSummaryCard, type SummaryInput } from "../../../src/cards/summary-card.ts";
import { SAMPLE_PLAN } from "../../../src/domain/plan.ts";
import { cardProblems, findObjects, readableCardText } from "../../support/validate-card.ts";
import { buttons, makeAction } from "./card-fixtures.ts";

const due = (iso: string) => ({ text: iso, due: iso, tbc: false, milestones: [] });
const actions = [
  makeAction({ ref: "CSC-01", priorities: [3], rag: "Red", completionDate: due("2026-09-30") }),
  makeAction({ ref: "CSC-02", priorities: [3], rag: "Amber", completionDate: due("2027-03-31") }),
  makeAction({
    ref: "CSC-03",
    priorities: [3, 4],
    rag: "Amber",
    completionDate: due("2027-03-31"),
  }),
  makeAction({
    ref: "CSC-04",
    priorities: [1],
    rag: "Green",
    completionDate: due("2026-06-30"),
    complete: true,
  }),
  makeAction({ ref: "CSC-05", priorities: [1], rag: null, completionDate: due("2026-11-30") }),
];
const input: SummaryInput = {
  quarter: "2026-Q3",
  plan: SAMPLE_PLAN,
  actions,
  previousRags: { "CSC-01": "Amber", "CSC-02": "Green", "CSC-03": "Green", "CSC-04": "Green" },
  today: "2026-12-15",
  owing: [{ who: "Jo Bloggs", refs: ["CSC-02"] }],
  awaitingCount: 2,
  completedRefs: ["CSC-04"],
  tabUrl: "https://teams.microsoft.com/l/entity/app/dashboard",
};

/** The RAG table's rows, header to total, each a list of cell texts. */
function tableRows(card: unknown): string[][] {
  const rows = findObjects(card, (o) => o.type === "ColumnSet").map((row) =>
    findObjects(row, (o) => o.type === "TextBlock").map((t) => String(t.text)),
  );
  const first = rows.findIndex((cells) => cells[0] === "Priority");
  const last = rows.findIndex((cells) => cells[0] === "All actions");
  return rows.slice(first, last + 1);
}

describe("summary card", () => {
  it("is a valid card under the size limit", () => {
    const card = buildSummaryCard(input);
    expect(cardProblems(card)).toEqual([]);
    expect(cardJsonBytes(card)).toBeLessThan(CARD_SIZE_BUDGET_BYTES / 2);
  });

  it("counts actions by RAG for each priority, with each rating's colour and word", () => {
    const rows = tableRows(buildSummaryCard(input));
    expect(rows[0]).toEqual([
      "Priority",
      "\u25cf Red",
      "\u25cf Amber",
      "\u25cf Green",
      "\u25cb Not rated",
    ]);
    expect(rows).toContainEqual(["1 \u2014 Transition to adulthood", "0", "0", "1", "1"]);
    expect(rows).toContainEqual([
      "3 \u2014 Protecting children at risk of harm",
      "1",
      "2",
      "0",
      "0",
    ]);
    expect(rows).toContainEqual(["4 \u2014 Tackling Domestic Abuse", "0", "1", "0", "0"]);
    expect(rows.at(-1)).toEqual(["All actions", "1", "2", "1", "1"]);
    const header = findObjects(buildSummaryCard(input), (o) => o.text === "\u25cf Red")[0];
    expect(header?.color).toBe("attention");
  });

  it("reports movements since last quarter, biggest first", () => {
    const text = readableCardText(buildSummaryCard(input));
    const moves = text.filter((line) => /^\d+ actions?$/.test(line));
    expect(moves).toEqual(["2 actions", "1 action"]);
    expect(text).toContain("(CSC-02, CSC-03)");
    expect(text).toContain("(CSC-01)");
  });

  it("lists overdue actions, who has not updated, awaiting and completed", () => {
    const text = readableCardText(buildSummaryCard(input)).join("\n");
    expect(text).toContain("CSC-01 Regular review of CP cases");
    expect(text).toContain("due 30 September 2026");
    expect(text).toContain("CSC-05");
    expect(text).not.toMatch(/CSC-04 Regular/); // complete, so not overdue
    expect(text).toContain("\u2022 Jo Bloggs: CSC-02");
    expect(text).toContain("2 updates");
    expect(text).toMatch(/Signed off as complete this quarter\nCSC-04/);
  });

  it("links to the dashboard tab", () => {
    expect(buttons(buildSummaryCard(input))).toEqual([
      { type: "Action.OpenUrl", title: "Open the dashboard", url: input.tabUrl },
    ]);
  });

  it("says when nothing moved", () => {
    const text = readableCardText(buildSummaryCard({ ...input, previousRags: {} }));
    expect(text).toContain("No RAG changes since last quarter.");
  });
});

describe("summary card of a plan without priorities", () => {
  // Sections as councils head them, typed with the case and spacing a spreadsheet drifts into.
  const SECTIONS = ["Early Help", "Children in Care", "SEND", "Workforce and Practice", ""];
  const sectionCell = fc
    .tuple(fc.constantFrom(...SECTIONS), fc.boolean(), fc.constantFrom("", " ", "  "))
    .map(([name, upper, pad]) => `${pad}${upper ? name.toUpperCase() : name}${pad}`);
  const rag = fc.constantFrom("Red" as const, "Amber" as const, "Green" as const, null);

  it("counts by section instead: a row per section however typed, summing to the total", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(sectionCell, rag), { minLength: 1, maxLength: 30 }), (rows) => {
        const plan = { id: "send-plan", name: "SEND plan", priorities: [] };
        const planActions = rows.map(([section, r], i) =>
          makeAction({ ref: `${i + 1}`, planId: plan.id, section, priorities: [], rag: r }),
        );
        const card = buildSummaryCard({ ...input, plan, actions: planActions, previousRags: {} });
        expect(readableCardText(card)).toContain("RAG by section");
        const table = findObjects(card, (o) => o.type === "ColumnSet")
          .map((row) => findObjects(row, (o) => o.type === "TextBlock").map((t) => String(t.text)))
          .filter((cells) => cells.length === 5);
        expect(table[0]?.[0]).toBe("Section");
        const body = table.slice(1, -1);
        const expected = new Set(rows.map(([s]) => s.trim().toLowerCase() || "no section"));
        expect(body.map((cells) => (cells[0] as string).toLowerCase()).sort()).toEqual(
          [...expected].sort(),
        );
        const sum = body.reduce(
          (n, cells) => n + cells.slice(1).reduce((m, c) => m + Number(c), 0),
          0,
        );
        expect(sum).toBe(rows.length);
      }),
    );
  });
});
