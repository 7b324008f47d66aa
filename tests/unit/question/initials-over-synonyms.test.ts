import { describe, expect, it } from "vitest";
import type { Plan } from "../../../src/domain/plan.ts";
import { anAction } from "../../support/builders.ts";
import { answerRefs, fixture } from "./ask.ts";

/**
 * "LAC" is children looked after to every children's services manager, and the reader rewrites it
 * so. A plan whose own name spells LAC and has nothing looked after means that name by it; a plan
 * with looked-after children keeps the usual meaning.
 */
const world = (names: [string, string]) => {
  const plan: Plan = {
    id: "p",
    name: "Plan",
    priorities: names.map((name, i) => ({ number: i + 1, name, description: "" })),
  };
  const actions = names.map((_, i) =>
    anAction({ ref: `A-${i + 1}`, planId: "p", priorities: [i + 1] }),
  );
  return fixture(plan, actions, {
    updates: [],
    currentQuarter: "2026-Q3",
    today: "2026-11-23",
    askerLeads: [],
  });
};

describe("a synonym's abbreviation that spells one of the plan's names", () => {
  it("finds that name when the plan has nothing the synonym means", () => {
    const plan = world(["Learning of the Assessment Commissioning", "Early Help"]);
    expect(answerRefs("LAC", plan)).toEqual(["A-1"]);
  });

  it("keeps the synonym's meaning when the plan has it", () => {
    const plan = world(["Learning of the Assessment Commissioning", "Children Looked After"]);
    expect(answerRefs("LAC", plan)).not.toEqual(["A-1"]);
    expect(answerRefs("LAC", plan)).toContain("A-2");
  });
});
