import { describe, expect, it } from "vitest";
import type { Action } from "../../../src/domain/action.ts";
import type { Person, Role } from "../../../src/domain/person.ts";
import { buildVocabulary, emptyQuery } from "../../../src/domain/question/index.ts";
import { type AskContext, answerQuery, answerText } from "../../../src/query/answer-query.ts";
import { answerQuestion } from "../../../src/query/answer-question.ts";
import { askerReach } from "../../../src/query/asker.ts";
import { buildSnapshot } from "../../../src/query/plan-snapshot.ts";
import { cardText } from "../../support/stand-in-connector.ts";
import { cardProblems } from "../../support/validate-card.ts";
import { loadSamplePlan } from "../question/load-sample.ts";

const { plan, actions: sample } = loadSamplePlan();
const red = new Set(["CSC-05", "CSC-09", "CSC-19", "CSC-12"]);
const actions: Action[] = sample.map((action) =>
  red.has(action.ref) ? { ...action, rag: "Red" } : action,
);
const snapshot = buildSnapshot({
  plan,
  actions,
  updates: [],
  reviews: [],
  vocabulary: buildVocabulary(plan, actions),
});

function contextFor(roles: Role[], leads: string[] = []): AskContext {
  const person: Person = { id: "a@c.gov.uk", email: "a@c.gov.uk", name: "A", roles, leads };
  return {
    snapshot,
    person,
    reach: askerReach(person),
    today: "2026-11-23",
    currentQuarter: "2026-Q3",
    timeZone: "Europe/London",
    actionUrl: (ref) => `https://tracker.example.gov.uk/tab/actions/${ref}`,
  };
}
const manager = contextFor(["manager"]);
const heading = (card: unknown) =>
  String((card as { body: Array<{ text: string }> }).body[0]?.text);
const refs = (card: unknown) =>
  [...JSON.stringify(card).matchAll(/"verb":"showAction","data":\{"ref":"([^"]+)"/g)].map(
    (m) => m[1],
  );

describe("answering a typed question", () => {
  it("lists the matching actions under a heading that restates the question", () => {
    const { card, summary } = answerQuestion(manager, "what's red for priority 3");
    expect(cardProblems(card)).toEqual([]);
    expect(heading(card)).toBe(
      "Red · Priority 3 — Protecting children at risk of harm · 3 actions",
    );
    expect(refs(card)).toEqual(["CSC-05", "CSC-09", "CSC-19"]);
    expect(summary).toBe(
      "Red · Priority 3 — Protecting children at risk of harm: 3 actions (CSC-05, CSC-09, CSC-19)",
    );
  });

  it("leads a `how many` answer with counts by RAG", () => {
    const { card } = answerQuestion(manager, "how many actions for priority 1");
    expect(cardText(card)).toContain("Red 1 · Amber 1 · Green 1 · Not rated 0");
  });

  it("tells a manager with no Lead why `my red actions` finds nothing", () => {
    const { card } = answerQuestion(manager, "my red actions");
    expect(heading(card)).toBe("No actions match: Red · My actions");
    expect(cardText(card)).toContain("The directory lists no Lead for you");
  });

  it("shows one action in full for a Ref, and says so when the plan has none", () => {
    const { card } = answerQuestion(manager, "tell me about csc 9");
    expect(heading(card)).toBe("CSC-09");
    expect(cardText(card)).toContain("https://tracker.example.gov.uk/tab/actions/CSC-09");
  });

  it("summarises by RAG, for the whole plan or a lead's own actions", () => {
    expect(heading(answerQuestion(manager, "give me a summary").card)).toBe(
      "Summary · All actions · 19 actions",
    );
    const lead = contextFor(["lead"], ["IRO"]);
    const { card } = answerQuestion(lead, "summary for priority 3");
    expect(heading(card)).toBe(
      "Summary · Priority 3 — Protecting children at risk of harm · My actions · 1 action",
    );
    expect(cardProblems(card)).toEqual([]);
  });

  it("says why it didn't understand, and offers three questions as buttons", () => {
    const { card, summary } = answerQuestion(manager, "xyzzy");
    expect(cardProblems(card)).toEqual([]);
    const texts = (card as { body: Array<{ text?: string }> }).body.map((element) => element.text);
    expect(texts.slice(0, 3)).toEqual([
      "Sorry, I didn't understand that",
      "You wrote: “xyzzy”",
      "I didn't recognise “xyzzy”.",
    ]);
    expect(JSON.stringify(card).match(/"verb":"askQuestion"/g)).toHaveLength(3);
    expect(summary).toBe("Sorry, I didn't understand that. I didn't recognise “xyzzy”.");
  });
});

describe("answering a page of a question", () => {
  it("shows the last page when asked for one past the end", () => {
    const second = answerQuery(manager, { ...emptyQuery(), priorities: [3] }, { page: 2 });
    expect(heading(second.card)).toContain("16 actions");
    expect(refs(second.card)).toHaveLength(16);
  });

  it("narrows a lead's question to their own actions whatever the question said", () => {
    const lead = contextFor(["lead"], ["HoS / Service Manager"]);
    const { card } = answerQuery(lead, { ...emptyQuery(), priorities: [3], mine: false });
    expect(refs(card)).toEqual(["CSC-01", "CSC-02", "CSC-03", "CSC-07", "CSC-11"]);
  });

  it("sums up an answer in one line, at most ten Refs named", () => {
    const many = actions.slice(0, 12);
    expect(answerText("All actions", many)).toBe(
      "All actions: 12 actions (CSC-01, CSC-02, CSC-03, CSC-04, CSC-05, CSC-06, CSC-07, CSC-08, CSC-09, CSC-10 and 2 more)",
    );
    expect(answerText("Red", [])).toBe("No actions match: Red");
  });
});
