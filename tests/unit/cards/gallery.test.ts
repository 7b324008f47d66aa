import { describe, expect, it } from "vitest";
import { CARD_SIZE_BUDGET_BYTES, cardJsonBytes } from "../../../src/cards/card-json.ts";
import { SAMPLE_CARDS } from "../../../src/cards/gallery.ts";
import { cardProblems } from "../../support/validate-card.ts";

describe("card gallery", () => {
  it("has every card, each with its own name", () => {
    const names = SAMPLE_CARDS.map((entry) => entry.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names.length).toBeGreaterThanOrEqual(20);
  });

  it.each(SAMPLE_CARDS.map((entry) => [entry.name, entry.card] as const))(
    "%s is a valid Adaptive Card 1.5 under the size budget",
    (_name, card) => {
      expect(cardProblems(card)).toEqual([]);
      expect(cardJsonBytes(card)).toBeLessThan(CARD_SIZE_BUDGET_BYTES);
    },
  );
});
