import { describe, expect, it } from "vitest";
import type { Action } from "../../../src/domain/action.ts";
import type { Person } from "../../../src/domain/person.ts";
import { buildVocabulary } from "../../../src/domain/question/index.ts";
import type { AskContext } from "../../../src/query/answer-query.ts";
import { answerQuestion } from "../../../src/query/answer-question.ts";
import { buildSnapshot } from "../../../src/query/plan-snapshot.ts";
import { anAction } from "../../support/builders.ts";

function action(ref: string, section: string, title: string): Action {
  return anAction({
    ref,
    priorities: [1],
    section,
    deliveryArea: "Social Care",
    developmentAction: title,
    expectedOutcome: "Better outcomes",
    lead: "Head of Commissioning",
  });
}

const ACTIONS = [
  action("1.1", "Missing from Home", "Offer a return home interview after every missing episode"),
  action("1.2", "Placement Sufficiency", "Open two small children's homes in the borough"),
  action("1.3", "Placement Sufficiency", "Place fewer children more than 20 miles from home"),
];
const PLAN = {
  id: "default",
  name: "Plan",
  priorities: [{ number: 1, name: "Corporate parenting", description: "" }],
};
const person: Person = {
  id: "m@c.gov.uk",
  email: "m@c.gov.uk",
  name: "M",
  roles: ["manager"],
  leads: [],
};
const context: AskContext = {
  snapshot: buildSnapshot({
    plan: PLAN,
    actions: ACTIONS,
    updates: [],
    reviews: [],
    vocabulary: buildVocabulary(PLAN, ACTIONS),
  }),
  person,
  reach: "wholePlan",
  today: "2026-11-23",
  currentQuarter: "2026-Q3",
  timeZone: "Europe/London",
  actionUrl: (ref) => `https://tracker.example.gov.uk/tab/actions/${ref}`,
};

describe("a phrase of the plan's text beside a one-word name part", () => {
  it("is searched as the phrase when the name would find nothing", () => {
    const answer = answerQuestion(context, "childrens homes");
    expect(answer.summary).toMatch(/1 action \(1\.2\)/);
    expect(JSON.stringify(answer.card)).toContain("I looked for");
  });

  it("leaves the name when it finds something", () => {
    expect(answerQuestion(context, "homes").summary).toMatch(/Missing from Home/);
  });
});
