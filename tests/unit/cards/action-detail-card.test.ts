import { describe, expect, it } from "vitest";
import { buildActionDetailCard } from "../../../src/cards/action-detail-card.ts";
import { CARD_SIZE_BUDGET_BYTES, cardJsonBytes } from "../../../src/cards/card-json.ts";
import { SAMPLE_PLAN } from "../../../src/domain/plan.ts";
import { cardProblems, readableCardText } from "../../support/validate-card.ts";
import { APPROVED, makeAction, makeUpdate, RETURNED, textBlocksWith } from "./card-fixtures.ts";

const action = makeAction({ priorities: [3, 4], extra: { "Budget code": "CS-114" } });

/** One update a quarter, each approved a few days after it was sent. */
const quarterly = (count: number) =>
  Array.from({ length: count }, (_, i) => {
    const year = 2024 + Math.floor(i / 4);
    const quarter = `${year}-Q${(i % 4) + 1}`;
    const month = String(((i % 4) * 3 + 6) % 12 || 12).padStart(2, "0");
    return makeUpdate({
      quarter,
      progress: `Progress note ${i + 1}`,
      submittedAt: `${year}-${month}-10T09:00:00Z`,
      state: "approved",
      decision: { ...APPROVED, at: `${year}-${month}-14T09:00:00Z` },
    });
  });

describe("action detail card", () => {
  it("shows everything in the plan row", () => {
    const card = buildActionDetailCard({ action, plan: SAMPLE_PLAN, updates: [] });
    expect(cardProblems(card)).toEqual([]);
    const text = readableCardText(card).join("\n");
    for (const expected of [
      "CSC-07",
      "3 \u2014 Protecting children at risk of harm; 4 \u2014 Tackling Domestic Abuse",
      "Children in need of help and protection",
      "Decision-making",
      "HoS/ Service Manager",
      "30 September 2026 (plan says \u201cSeptember 2026\u201d)",
      "Regular review of CP cases",
      "Produce PLO practice guidance for staff.",
      "Parallel planning outlined at review conferences.",
      "Thematic audits.",
      "Regional tool kit for effective PLO",
      "Budget code",
      "CS-114",
      "No updates yet.",
    ]) {
      expect(text).toContain(expected);
    }
    expect(textBlocksWith(card, "\u25cf Amber")[0]).toMatchObject({ color: "warning" });
  });

  it("shows the latest update and the history newest first", () => {
    const older = makeUpdate({
      quarter: "2026-Q2",
      progress: "Older",
      submittedAt: "2026-09-20T09:00:00Z",
      state: "approved",
      decision: { ...APPROVED, at: "2026-09-29T09:30:00Z" },
    });
    const latest = makeUpdate({ progress: "Newest *note*", state: "returned", decision: RETURNED });
    const card = buildActionDetailCard({ action, updates: [older, latest] });
    const text = readableCardText(card);
    expect(text).toContain("Latest update (October to December 2026)");
    expect(text).toContain("Newest *note*");
    const history = text
      .slice(text.indexOf("History") + 1)
      .filter((line) => !line.startsWith("\u25cf"));
    expect(history).toEqual([
      "Returned by Sam Patel on 3 December 2026 at 10:42: Please add the audit figures",
      "1 December 2026 at 16:20: Jo Bloggs sent the October to December 2026 update, proposing",
      "Approved by Sam Patel on 29 September 2026 at 10:30",
      "20 September 2026 at 10:00: Jo Bloggs sent the July to September 2026 update, proposing",
    ]);
  });

  it("caps the history at 6 entries with 'and N earlier'", () => {
    const card = buildActionDetailCard({ action, updates: quarterly(8) });
    const text = readableCardText(card);
    expect(text).toContain("and 10 earlier");
    expect(cardJsonBytes(card)).toBeLessThan(CARD_SIZE_BUDGET_BYTES);
    expect(cardProblems(card)).toEqual([]);
  });
});
