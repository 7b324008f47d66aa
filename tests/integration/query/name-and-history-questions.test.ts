import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ManualClock } from "../../../src/clock.ts";
import type { Action } from "../../../src/domain/action.ts";
import { DEFAULT_PLAN_ID, type Plan } from "../../../src/domain/plan.ts";
import type { Rag } from "../../../src/domain/rag.ts";
import type { Update } from "../../../src/domain/update.ts";
import { type CardJson, cardText } from "../../support/stand-in-connector.ts";
import { startTestApp, type TestApp, type TestPerson } from "../../support/start-test-app.ts";
import { askFor, buttonsOf, headingOf, planAction, refsIn } from "./answer-reading.ts";

const SETUP = { id: "test", name: "Test setup" };

/** A council's plan whose names overlap as real ones do: "SEND" is in a priority and a Lead. */
const PLAN: Plan = {
  id: DEFAULT_PLAN_ID,
  name: "Northshire Children's Services Improvement Plan",
  priorities: [
    { number: 1, name: "Early Help and Prevention", description: "" },
    { number: 2, name: "Emotional Health and Wellbeing", description: "" },
    {
      number: 3,
      name: "Children who become vulnerable in their education, including children with SEND",
      description: "",
    },
  ],
};

function action(ref: string, priority: number, rag: Rag, lead: string, section: string): Action {
  return { ...planAction(ref, [priority], rag, lead), section, deliveryArea: section };
}

const ACTIONS = [
  action("1.1", 1, "Green", "Head of Early Help", "Early Help"),
  action("1.2", 1, "Red", "Head of Early Help", "Early Help"),
  action("2.1", 2, "Red", "Head of Education", "Health"),
  action("2.2", 2, "Green", "Designated Clinical Officer", "Health"),
  action("3.1", 3, "Red", "Head of Education", "Education"),
  action("3.2", 3, "Amber", "SEND Manager", "Education"),
];

/**
 * On 23 November 2026 the quarter under review is 2026-Q2 (July to September), so "last quarter"
 * is 2026-Q1: then 1.1 was approved Red and 2.1 Amber; in this review 1.1 went Green, 2.1 Red.
 */
function update(ref: string, quarter: string, rag: Rag, previous: Rag, approved: boolean): Update {
  return {
    id: `${quarter}:${ref}`,
    quarter,
    ref,
    progress: "Progress as described.",
    proposedRag: rag,
    ragJustification: "",
    revisedDate: null,
    revisedDateReason: "",
    evidenceUrl: "",
    proposeCompletion: false,
    author: "lead@council.gov.uk",
    authorName: "A Lead",
    state: approved ? "approved" : "submitted",
    submittedAt: `${quarter === "2026-Q1" ? "2026-07-10" : "2026-10-10"}T10:00:00.000Z`,
    revision: 0,
    previousRag: previous,
    decision: approved
      ? { outcome: "approved", by: "dmt@council.gov.uk", byName: "D M", at: "", comment: "" }
      : null,
  };
}

const UPDATES = [
  update("1.1", "2026-Q1", "Red", "Red", true),
  update("1.1", "2026-Q2", "Green", "Red", true),
  update("2.1", "2026-Q1", "Amber", "Amber", true),
  update("2.1", "2026-Q2", "Red", "Amber", true),
  // Sent this quarter against the Red it had: that was its rating at the end of last quarter.
  update("3.1", "2026-Q2", "Red", "Red", false),
];

describe("questions naming the plan's things by part, and about earlier quarters", () => {
  let t: TestApp;
  let manager: TestPerson;
  const clock = new ManualClock(new Date("2026-11-23T10:00:00Z"));
  const ask = (text: string) => askFor(t, manager, text);

  beforeAll(async () => {
    t = await startTestApp({ clock, skipSamplePlan: true });
    await t.store.plans.save(PLAN, SETUP, null);
    for (const each of ACTIONS) await t.store.actions.save(each, SETUP, null);
    for (const each of UPDATES) await t.store.updates.create(each, SETUP);
    clock.advance(60_000);
    manager = await t.addPerson({
      email: "mo.manager@council.gov.uk",
      name: "Mo Manager",
      roles: ["manager"],
    });
  });
  afterAll(() => t?.close());

  it("a priority named by part of its name is that priority, and the answer says how it was read", async () => {
    const card = await ask("what's red for emotional health");
    expect(headingOf(card)).toContain("Priority 2 — Emotional Health and Wellbeing");
    expect(refsIn(card)).toEqual(["2.1"]);
    expect(cardText(card)).toContain(
      "Read as Priority 2: Emotional Health and Wellbeing (from \u201cemotional health\u201d)",
    );
  });

  it("a word two names share asks which, and a press answers for the one chosen", async () => {
    const card = await ask("what's red for SEND");
    expect(headingOf(card)).toBe("Which did you mean?");
    const buttons = buttonsOf(card);
    expect(buttons.map((button) => button.title)).toEqual([
      expect.stringMatching(/^Priority 3: Children who become vulnerable/),
      "Lead: SEND Manager",
    ]);
    const pressed = await t.press(manager, buttons[0]?.verb ?? "", buttons[0]?.data);
    const answer = pressed.card as CardJson;
    expect(headingOf(answer)).toContain("Red · Priority 3");
    expect(refsIn(answer)).toEqual(["3.1"]);
  });

  it("a Ref the plan does not hold is answered only with that", async () => {
    const card = await ask("1.9");
    expect(cardText(card)).toContain(`There is no action 1.9 in the ${PLAN.name}.`);
    expect(cardText(card)).not.toContain("understand");
  });

  it("“what was red last quarter” answers from DMT's approvals and says which quarter", async () => {
    const card = await ask("what was red last quarter");
    // 1.2 has no update: the Red it was imported with has stood since.
    expect(refsIn(card)).toEqual(["1.1", "1.2", "3.1"]);
    expect(headingOf(card)).toContain("As at the end of 2026-Q1, approved by DMT");
  });

  it("“which actions got worse” compares last quarter's approved ratings with now, and says so", async () => {
    const card = await ask("which actions got worse");
    expect(refsIn(card)).toEqual(["2.1"]);
    expect(cardText(card)).toContain("April to June 2026 (2026-Q1) compared with now");
  });
});
