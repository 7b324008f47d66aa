import { describe, expect, it } from "vitest";
import { ANSWER_PAGE_SIZE, buildAnswerCard } from "../../../src/cards/answer-card.ts";
import { CARD_SIZE_BUDGET_BYTES, cardJsonBytes } from "../../../src/cards/card-json.ts";
import { emptyQuery, type Query } from "../../../src/domain/question/query.ts";
import type { Rag } from "../../../src/domain/rag.ts";
import { cardProblems, findObjects, readableCardText } from "../../support/validate-card.ts";
import { buttons, makeAction } from "./card-fixtures.ts";

const RAGS: Rag[] = ["Red", "Amber", "Green"];
const redQuery: Query = { ...emptyQuery(), rags: ["Red"] };
const actions = (count: number) =>
  Array.from({ length: count }, (_, i) =>
    makeAction({
      ref: `CSC-${String(i + 1).padStart(2, "0")}`,
      rag: RAGS[i % 3] ?? null,
      // Long, realistic titles and leads: the size test must hold for real plans.
      developmentAction: `Action ${i + 1}: ${"Improve the robustness of information gathering at the first point of contact ".repeat(2)}`,
      lead: "HoS / Service Manager / Supervising Social Worker / Team Manager",
    }),
  );
const rows = (card: unknown) =>
  findObjects(card, (o) => o.type === "ColumnSet" && o.selectAction !== undefined);
const understood = "Red \u00b7 Priority 3 \u2014 Protecting children at risk of harm";

describe("answer card", () => {
  it("restates the question with the count, and lists each action on its own row", () => {
    const card = buildAnswerCard({ understood, matches: actions(4), query: redQuery });
    expect(cardProblems(card)).toEqual([]);
    const text = readableCardText(card);
    expect(text).toContain(`${understood} \u00b7 4 actions`);
    expect(rows(card)).toHaveLength(4);
    const first = rows(card)[0];
    const firstText = readableCardText(first);
    expect(firstText).toContain("CSC-01");
    expect(firstText.join("\n")).toContain("Action 1: Improve the robustness");
    expect(firstText.join("\n")).toContain(
      "Lead: HoS / Service Manager / Supervising Social Worker / Team Manager",
    );
    expect(firstText.join("\n")).toContain("Due: 30 September 2026");
    expect(findObjects(first, (o) => o.text === "\u25cf Red")[0]).toMatchObject({
      color: "attention",
    });
    expect(buttons(card).filter((b) => b.title === "More")).toEqual([]);
    expect(text.join("\n")).not.toContain("Showing");
  });

  it("opens an action's detail when its row is tapped", () => {
    const card = buildAnswerCard({ understood, matches: actions(2), query: emptyQuery() });
    expect(rows(card)[1]?.selectAction).toMatchObject({
      type: "Action.Execute",
      verb: "showAction",
      data: { ref: "CSC-02" },
    });
  });

  it("says 1 action, not 1 actions", () => {
    expect(
      readableCardText(
        buildAnswerCard({ understood: "CSC-07", matches: actions(1), query: emptyQuery() }),
      ),
    ).toContain("CSC-07 \u00b7 1 action");
  });

  it("pages more than 20 matches with a More button for the next page", () => {
    const query = { ...redQuery, priorities: [3] };
    const card = buildAnswerCard({ understood, matches: actions(57), query });
    expect(cardProblems(card)).toEqual([]);
    expect(readableCardText(card)).toContain("Showing 1\u201320 of 57");
    expect(rows(card)).toHaveLength(ANSWER_PAGE_SIZE);
    expect(buttons(card).find((b) => b.title === "More")).toMatchObject({
      type: "Action.Execute",
      verb: "moreResults",
      data: { query, page: 2 },
    });
    expect(cardJsonBytes(card)).toBeLessThan(CARD_SIZE_BUDGET_BYTES);
  });

  it("shows the last page without a More button", () => {
    const card = buildAnswerCard({
      understood,
      matches: actions(57),
      query: emptyQuery(),
      page: 3,
    });
    expect(readableCardText(card)).toContain("Showing 41\u201357 of 57");
    expect(rows(card)).toHaveLength(17);
    expect(readableCardText(rows(card)[0])).toContain("CSC-41");
    expect(buttons(card).filter((b) => b.title === "More")).toEqual([]);
  });

  it("says so when nothing matches, and what was searched", () => {
    const card = buildAnswerCard({
      understood: "Red \u00b7 Priority 3",
      matches: [],
      query: emptyQuery(),
    });
    expect(cardProblems(card)).toEqual([]);
    const text = readableCardText(card);
    expect(text).toContain("No actions match: Red \u00b7 Priority 3");
    expect(text.join("\n")).toMatch(/Try /);
  });

  it("shows typed text in titles and leads literally", () => {
    const card = buildAnswerCard({
      understood: "lead *HoS*",
      matches: [makeAction({ developmentAction: "Use the [new] _template_", lead: "HoS_1" })],
      query: emptyQuery(),
    });
    const raw = JSON.stringify(card);
    expect(raw).toContain("Use the \\\\[new\\\\] \\\\_template\\\\_");
    expect(raw).toContain("lead \\\\*HoS\\\\*");
    expect(readableCardText(card).join("\n")).toContain("Lead: HoS_1");
  });
});
