import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ManualClock } from "../../../src/clock.ts";
import type { Action } from "../../../src/domain/action.ts";
import { DEFAULT_PLAN_ID, type Plan } from "../../../src/domain/plan.ts";
import type { Rag } from "../../../src/domain/rag.ts";
import { runCliHere } from "../../support/run-cli.ts";
import { type CardJson, cardText } from "../../support/stand-in-connector.ts";
import { startTestApp, type TestApp, type TestPerson } from "../../support/start-test-app.ts";
import { cardProblems } from "../../support/validate-card.ts";
import { askFor, headingOf, planAction } from "./answer-reading.ts";

const SETUP = { id: "test", name: "Test setup" };
/** Longer than any answer may be stale: moving the clock on by this makes the next question re-read. */
const LATER_MS = 60_000;

/** Two plans as a council runs them side by side, both numbering their actions from 1.1. */
const CYPP: Plan = {
  id: DEFAULT_PLAN_ID,
  name: "Children and Young People's Plan 2025-28",
  priorities: [
    { number: 1, name: "Best start in life", description: "" },
    { number: 2, name: "Children with SEND achieve well", description: "" },
  ],
};
const SEND: Plan = {
  id: "send-improvement-plan",
  name: "SEND Improvement Plan 2024-26",
  priorities: [
    { number: 1, name: "Identification and assessment", description: "" },
    { number: 2, name: "Preparing for adulthood", description: "" },
  ],
};

function action(plan: Plan, ref: string, priority: number, rag: Rag, title: string): Action {
  return {
    ...planAction(ref, [priority], rag, "Head of Service"),
    planId: plan.id,
    section: "",
    deliveryArea: "",
    developmentAction: title,
  };
}

const ACTIONS = [
  action(CYPP, "1.1", 1, "Red", "Open two more family hubs"),
  action(CYPP, "1.2", 1, "Green", "Health visitor checks at two years"),
  action(CYPP, "2.1", 2, "Red", "Inclusion pathway in every school"),
  action(SEND, "1.1", 1, "Red", "Clear the EHCP assessment backlog"),
  action(SEND, "1.2", 1, "Amber", "Joint commissioning of speech therapy"),
  action(SEND, "2.1", 2, "Green", "Supported internships for every leaver"),
];

/**
 * Reads an answer as the person sees it: a plan's heading ("# name · n actions") and, under it, its
 * rows ("1.1@plan", the plan the row's tap opens).
 */
function layout(card: CardJson): string[] {
  const lines: string[] = [];
  for (const element of card.body ?? []) {
    if (element.type === "TextBlock" && element.separator) lines.push(`# ${element.text}`);
    const tap = element.selectAction as { data?: { ref: string; planId?: string } } | undefined;
    if (tap?.data) lines.push(`${tap.data.ref}@${tap.data.planId ?? DEFAULT_PLAN_ID}`);
  }
  return lines;
}

describe("questions over a store of two plans whose Refs collide", () => {
  let t: TestApp;
  let manager: TestPerson;
  const clock = new ManualClock(new Date("2026-11-23T10:00:00Z"));
  const ask = (text: string) => askFor(t, manager, text);

  beforeAll(async () => {
    t = await startTestApp({
      clock,
      skipSamplePlan: true,
    });
    for (const plan of [CYPP, SEND]) await t.store.plans.save(plan, SETUP, null);
    for (const each of ACTIONS) await t.store.actions.save(each, SETUP, null);
    clock.advance(LATER_MS);
    manager = await t.addPerson({
      email: "mo.manager@council.gov.uk",
      name: "Mo Manager",
      roles: ["manager"],
    });
  });
  afterAll(() => t?.close());

  it("“what's red in the SEND plan” answers from that plan only, and says so", async () => {
    const card = await ask("what's red in the SEND plan");
    expect(headingOf(card)).toBe("Plan: SEND Improvement Plan 2024-26 · Red · 1 action");
    expect(layout(card)).toEqual(["1.1@send-improvement-plan"]);
    expect(cardText(card)).not.toContain("family hubs");
  });

  it("“what's red” groups each plan's reds under its name", async () => {
    const card = await ask("what's red");
    expect(headingOf(card)).toBe("Red · 3 actions");
    expect(layout(card)).toEqual([
      "# Children and Young People's Plan 2025-28 · 2 actions",
      "1.1@default",
      "2.1@default",
      "# SEND Improvement Plan 2024-26 · 1 action",
      "1.1@send-improvement-plan",
    ]);
  });

  it("“priority 1” shows each plan's own priority 1 under its name", async () => {
    const card = await ask("priority 1");
    // The two plans' priority 1 have different names, so the heading names neither.
    expect(headingOf(card)).toBe("Priority 1 · 4 actions");
    expect(layout(card)).toEqual([
      "# Children and Young People's Plan 2025-28 · 2 actions",
      "1.1@default",
      "1.2@default",
      "# SEND Improvement Plan 2024-26 · 2 actions",
      "1.1@send-improvement-plan",
      "1.2@send-improvement-plan",
    ]);
  });

  it("a priority named by its words is its own plan's", async () => {
    const card = await ask("what's red in preparing for adulthood");
    expect(headingOf(card)).toContain("Plan: SEND Improvement Plan 2024-26");
    expect(headingOf(card)).toContain("Priority 2 — Preparing for adulthood");
  });

  it("“1.1” shows both plans' 1.1, and a tap opens the one tapped", async () => {
    const card = await ask("1.1");
    expect(layout(card)).toEqual([
      "# Children and Young People's Plan 2025-28 · 1 action",
      "1.1@default",
      "# SEND Improvement Plan 2024-26 · 1 action",
      "1.1@send-improvement-plan",
    ]);
    const pressed = await t.press(manager, "showAction", {
      ref: "1.1",
      planId: "send-improvement-plan",
    });
    const detail = cardText(pressed.card as CardJson);
    expect(detail).toContain("Clear the EHCP assessment backlog");
    expect(detail).not.toContain("Open two more family hubs");
  });

  it("“1.1 in the SEND plan” shows that plan's 1.1 in full", async () => {
    const card = await ask("tell me about 1.1 in the SEND plan");
    expect(cardText(card)).toContain("Clear the EHCP assessment backlog");
  });

  it("keeps the grouping from page to page", async () => {
    const more = Array.from({ length: 24 }, (_, i) =>
      action(SEND, `3.${i + 1}`, 2, "Amber", `Transition review ${i + 1}`),
    );
    for (const each of more) await t.store.actions.save(each, SETUP, null);
    clock.advance(LATER_MS);
    const first = await ask("amber");
    const firstPage = layout(first);
    expect(firstPage[0]).toBe("# SEND Improvement Plan 2024-26 · 25 actions");
    expect(firstPage.filter((line) => !line.startsWith("#"))).toHaveLength(20);
    const next = first.actions?.find((button: { title: string }) => button.title === "More");
    const page2 = await t.press(manager, next.verb, next.data);
    expect(layout(page2.card as CardJson)).toEqual([
      "# SEND Improvement Plan 2024-26 · 25 actions",
      ...["3.20", "3.21", "3.22", "3.23", "3.24"].map((ref) => `${ref}@send-improvement-plan`),
    ]);
  });

  it("answers without a plan once `plan remove` has removed it", async () => {
    const removed = await runCliHere(["plan", "remove", SEND.name, "--yes"], {
      DATA_DIR: t.dataDir,
      EMBEDDED_COSMOS_PORT: "0",
    });
    expect(removed.stderr).toBe("");
    expect(removed.code).toBe(0);
    clock.advance(LATER_MS);
    const card = await ask("what's red");
    // One plan left: answered as a one-plan store always was, without plan headings.
    expect(layout(card)).toEqual(["1.1@default", "2.1@default"]);
    expect(cardText(card)).not.toContain("EHCP");
  });
});

/** A second improvement plan beside SEND's: "the improvement plan" fits both names equally. */
const EARLY_HELP: Plan = {
  id: "early-help-improvement-plan",
  name: "Early Help Improvement Plan 2025-27",
  priorities: [{ number: 1, name: "Families get help early", description: "" }],
};

describe("a question whose plan words fit two plans asks which", () => {
  let t: TestApp;
  let manager: TestPerson;
  const clock = new ManualClock(new Date("2026-11-23T10:00:00Z"));
  const ask = (text: string) => askFor(t, manager, text);
  type Button = { title: string; verb: string; data: Record<string, unknown> };
  const buttonsOf = (card: CardJson): Button[] => (card.actions ?? []) as Button[];

  beforeAll(async () => {
    t = await startTestApp({ clock, skipSamplePlan: true });
    for (const plan of [SEND, EARLY_HELP]) await t.store.plans.save(plan, SETUP, null);
    for (const each of [
      action(SEND, "1.1", 1, "Red", "Clear the EHCP assessment backlog"),
      action(SEND, "1.2", 1, "Amber", "Joint commissioning of speech therapy"),
      action(EARLY_HELP, "1.1", 1, "Red", "One front door for family support"),
      action(EARLY_HELP, "1.2", 1, "Red", "Family hubs open at weekends"),
    ]) {
      await t.store.actions.save(each, SETUP, null);
    }
    clock.advance(LATER_MS);
    manager = await t.addPerson({
      email: "mo.manager@council.gov.uk",
      name: "Mo Manager",
      roles: ["manager"],
    });
  });
  afterAll(() => t?.close());

  it("“what's red in the improvement plan” offers one button per plan, and a press answers from that plan only", async () => {
    const card = await ask("what's red in the improvement plan");
    expect(cardText(card)).toContain("Which plan?");
    expect(cardText(card)).not.toContain("EHCP");
    expect(buttonsOf(card).map((button) => button.title)).toEqual([EARLY_HELP.name, SEND.name]);
    const send = buttonsOf(card).find((button) => button.title === SEND.name) as Button;
    const pressed = await t.press(manager, send.verb, send.data);
    const answer = pressed.card as CardJson;
    expect(cardProblems(answer)).toEqual([]);
    expect(headingOf(answer)).toBe("Plan: SEND Improvement Plan 2024-26 · Red · 1 action");
    expect(layout(answer)).toEqual(["1.1@send-improvement-plan"]);
    expect(cardText(answer)).not.toContain("front door");
  });

  it("“the SEND plan or the early help plan” asks which too", async () => {
    const card = await ask("what's red in the SEND plan or the early help plan");
    expect(
      buttonsOf(card)
        .map((button) => button.title)
        .sort(),
    ).toEqual([EARLY_HELP.name, SEND.name].sort());
    const early = buttonsOf(card).find((button) => button.title === EARLY_HELP.name) as Button;
    const pressed = await t.press(manager, early.verb, early.data);
    expect(layout(pressed.card as CardJson)).toEqual([
      "1.1@early-help-improvement-plan",
      "1.2@early-help-improvement-plan",
    ]);
  });

  it("a plan named outright is answered at once, as before", async () => {
    const card = await ask("what's red in the SEND improvement plan");
    expect(headingOf(card)).toBe("Plan: SEND Improvement Plan 2024-26 · Red · 1 action");
  });

  it("a button naming a plan the question cannot mean asks again rather than answering", async () => {
    const pressed = await t.press(manager, "askInPlan", {
      text: "what's red in the improvement plan",
      planId: "no-such-plan",
    });
    expect(cardText(pressed.card as CardJson)).toContain("Which plan?");
  });
});
