import { describe, expect, it } from "vitest";
import { buildVocabulary } from "../../../src/domain/question/index.ts";
import { loadSamplePlan } from "./load-sample.ts";

describe("the sample plan's vocabulary", () => {
  const { plan, actions } = loadSamplePlan();
  const vocab = buildVocabulary(plan, actions);

  it("keeps each Lead spelling as the plan writes it", () => {
    expect(vocab.leads).toEqual(
      expect.arrayContaining([
        "HoS / Service Manager",
        "HoS/Service Manager",
        "IRO",
        "LADO/HoS",
        "Service Manager/ Team Managers",
      ]),
    );
  });

  it("has the five priorities, the delivery areas, sections and all 19 Refs", () => {
    expect(vocab.priorities.map((p) => p.number)).toEqual([1, 2, 3, 4, 5]);
    expect(vocab.deliveryAreas).toEqual([
      "Information Sharing",
      "Collaboration",
      "Decision-making",
      "Workforce Development",
      "Placements and achieving permanence",
      "Care Leavers",
      "Fostering",
      "LADO",
    ]);
    expect(vocab.sections).toHaveLength(3);
    expect(vocab.refs).toHaveLength(19);
  });

  it("collects the plan's own words for search and spelling, without filler", () => {
    expect(vocab.words).toEqual(expect.arrayContaining(["fostering", "adoption", "supervision"]));
    expect(vocab.words).not.toContain("the");
  });
});
