import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ManualClock } from "../../../src/clock.ts";
import { DEFAULT_PLAN_ID } from "../../../src/domain/plan.ts";
import type { Rag } from "../../../src/domain/rag.ts";
import type { Update } from "../../../src/domain/update.ts";
import { cardText } from "../../support/stand-in-connector.ts";
import {
  startTestApp,
  type TestApp,
  type TestPerson,
  type TestTeam,
} from "../../support/start-test-app.ts";
import { cardProblems } from "../../support/validate-card.ts";
import { buttonsOf, headingOf, lastCardIn, planAction, refsIn } from "./answer-reading.ts";

const SETUP = { id: "test", name: "Test setup" };
/** Longer than any answer may be stale: moving the clock on by this makes the next question re-read. */
const LATER_MS = 60_000;

describe("asking Plan Tracker about the plan", () => {
  let t: TestApp;
  let clock: ManualClock;
  let manager: TestPerson;
  const team: TestTeam = { id: "19:childrens-services@thread.tacv2", name: "Children's Services" };

  const ask = async (person: TestPerson, text: string) => {
    const said = await t.say(person, text);
    expect(said.status).toBe(200);
    return lastCardIn(t.connector, t.connector.personalConversationOf(person));
  };
  const setRag = async (ref: string, rag: Rag) => {
    const found = await t.store.actions.get(ref, DEFAULT_PLAN_ID);
    if (!found) throw new Error(`${ref} is not in the sample plan`);
    await t.store.actions.save({ ...found.doc, rag }, SETUP, found.doc);
  };

  beforeAll(async () => {
    clock = new ManualClock(new Date("2026-11-23T10:00:00Z"));
    t = await startTestApp({ clock });
    manager = await t.addPerson({
      email: "mo.manager@council.gov.uk",
      name: "Mo Manager",
      roles: ["manager"],
    });
  });
  afterAll(() => t?.close());

  it("answers `what's red for priority 3` with exactly the red actions, seeing RAG changes made in the store", async () => {
    const before = await ask(manager, "what's red for priority 3");
    expect(headingOf(before)).toContain("No actions match: Red · Priority 3");

    for (const ref of ["CSC-05", "CSC-09", "CSC-19", "CSC-12"]) await setRag(ref, "Red");
    clock.advance(LATER_MS);

    const card = await ask(manager, "what's red for priority 3");
    expect(cardProblems(card)).toEqual([]);
    expect(headingOf(card)).toBe(
      "Red · Priority 3 — Protecting children at risk of harm · 3 actions",
    );
    expect(refsIn(card)).toEqual(["CSC-05", "CSC-09", "CSC-19"]);
    expect(cardText(card)).toContain("Lead: LADO/HoS");
  });

  it("says which typed words it read as others and which it left out", async () => {
    const card = await ask(manager, "wats red for priorty 3 asap");
    expect(refsIn(card)).toEqual(["CSC-05", "CSC-09", "CSC-19"]);
    const text = cardText(card);
    expect(text).toContain("I read “priorty” as “priority”.");
    expect(text).toContain("I left out “asap”, which I didn't recognise.");
  });

  it("pages more than 20 matches, and each page answers the same question", async () => {
    const extra = Array.from({ length: 50 }, (_, i) =>
      planAction(`EH-${i + 1}`, [2], i < 45 ? "Amber" : "Green", "Early Help Manager"),
    );
    await Promise.all(extra.map((action) => t.store.actions.save(action, SETUP, null)));
    clock.advance(LATER_MS);

    const first = await ask(manager, "amber for priority 2");
    expect(headingOf(first)).toBe(
      "Amber · Priority 2 — Emotional Health and Wellbeing · 45 actions",
    );
    expect(cardText(first)).toContain("Showing 1–20 of 45");
    const seen = [...refsIn(first)];
    let more = buttonsOf(first).find((button) => button.title === "More");
    const pages = [first];
    while (more) {
      expect(more.verb).toBe("moreResults");
      const pressed = await t.press(manager, more.verb, more.data);
      expect(pressed.card).toBeDefined();
      pages.push(pressed.card);
      seen.push(...refsIn(pressed.card));
      more = buttonsOf(pressed.card).find((button) => button.title === "More");
    }
    expect(pages).toHaveLength(3);
    expect(cardText(pages[1])).toContain("Showing 21–40 of 45");
    expect(cardText(pages[2])).toContain("Showing 41–45 of 45");
    for (const page of pages) expect(cardProblems(page)).toEqual([]);
    expect(seen).toEqual(Array.from({ length: 45 }, (_, i) => `EH-${i + 1}`));
  });

  it("refuses a tampered More button instead of guessing", async () => {
    const pressed = await t.press(manager, "moreResults", { query: { rags: "all" }, page: 2 });
    expect(cardText(pressed.card)).toContain("This button is out of date");
    expect(refsIn(pressed.card)).toEqual([]);
  });

  it("answers an @mention in a channel in the message's thread", async () => {
    const where = { scope: "channel" as const, team, mention: true };
    const message = t.activity.message(manager, "what's red for priority 3", where);
    await t.post(message);
    const replies = t.connector.delivered.filter(
      (d) => d.conversationId === message.conversation.id,
    );
    expect(replies).toHaveLength(1);
    expect(replies[0]?.kind).toBe("reply");
    expect(replies[0]?.replyToId).toBe(message.id);
    const card = lastCardIn(t.connector, message.conversation.id);
    expect(refsIn(card)).toEqual(["CSC-05", "CSC-09", "CSC-19"]);

    const unmentioned = t.activity.message(manager, "what's red for priority 3", {
      ...where,
      mention: false,
    });
    await t.post(unmentioned);
    expect(t.connector.messagesIn(unmentioned.conversation.id)).toHaveLength(0);
  });

  it("answers nonsense with the didn't-understand card, whose example buttons answer", async () => {
    const card = await ask(manager, "xyzzy plugh");
    expect(cardProblems(card)).toEqual([]);
    expect(headingOf(card)).toBe("Sorry, I didn't understand that");
    expect(cardText(card)).toContain("I didn't recognise “xyzzy”, “plugh”.");
    const examples = buttonsOf(card);
    expect(examples.map((button) => button.title)).toEqual([
      "what's red for priority 3",
      "show overdue actions for HoS",
      "what's awaiting sign-off",
    ]);
    const [first] = examples;
    const pressed = await t.press(manager, first?.verb ?? "", first?.data);
    expect(refsIn(pressed.card)).toEqual(["CSC-05", "CSC-09", "CSC-19"]);
  });

  it("shows an action's details and its update history when its row is tapped", async () => {
    const update: Update = {
      id: "2026-Q2:CSC-05",
      quarter: "2026-Q2",
      ref: "CSC-05",
      progress: "Conference chairs now see every plan before review.",
      proposedRag: "Red",
      ragJustification: "",
      revisedDate: null,
      revisedDateReason: "",
      evidenceUrl: "",
      proposeCompletion: false,
      author: "iro@council.gov.uk",
      authorName: "Ira Officer",
      state: "approved",
      submittedAt: "2026-09-20T09:00:00.000Z",
      revision: 1,
      previousRag: "Amber",
      decision: {
        outcome: "approved",
        by: "dee@council.gov.uk",
        byName: "Dee Director",
        at: "2026-09-25T09:00:00.000Z",
        comment: "",
      },
    };
    await t.store.updates.create(update, SETUP);
    clock.advance(LATER_MS);

    const pressed = await t.press(manager, "showAction", { ref: "CSC-05" });
    expect(cardProblems(pressed.card)).toEqual([]);
    const text = cardText(pressed.card);
    expect(headingOf(pressed.card)).toBe("CSC-05");
    expect(text).toContain("Conference chairs now see every plan before review.");
    expect(text).toContain("Dee Director");

    const typed = await ask(manager, "tell me about csc 5");
    expect(headingOf(typed)).toBe("CSC-05");
  });

  it("answers `summary for priority 3` with counts by RAG", async () => {
    const card = await ask(manager, "summary for priority 3");
    expect(cardProblems(card)).toEqual([]);
    expect(headingOf(card)).toBe(
      "Summary · Priority 3 — Protecting children at risk of harm · 16 actions",
    );
    // The priority's row: Red, Amber, Green, Not rated.
    expect(cardText(card)).toContain("3 — Protecting children at risk of harm\n3\n8\n5\n0");
  });

  describe("someone who is only an action lead", () => {
    let lead: TestPerson;
    beforeAll(async () => {
      lead = await t.addPerson({
        email: "ira.officer@council.gov.uk",
        name: "Ira Officer",
        roles: ["lead"],
        leads: ["IRO"],
      });
    });

    it("is answered about their own actions only, and told so", async () => {
      const card = await ask(lead, "what's red");
      expect(headingOf(card)).toBe("Red · My actions · 1 action");
      expect(refsIn(card)).toEqual(["CSC-05"]);
      expect(cardText(card)).toContain(
        "You can ask about the actions you lead (IRO), so I searched only those.",
      );
    });

    it("is not shown other leads' actions, by name, by Ref or by a More button", async () => {
      const byName = await ask(lead, "red for LADO");
      expect(refsIn(byName)).toEqual([]);

      const byRef = await ask(lead, "CSC-19");
      expect(headingOf(byRef)).toBe("That action isn't one of yours");

      const tapped = await t.press(lead, "showAction", { ref: "CSC-19" });
      expect(headingOf(tapped.card)).toBe("That action isn't one of yours");

      const managersQuestion = await ask(manager, "amber for priority 2");
      const more = buttonsOf(managersQuestion).find((button) => button.title === "More");
      const pressed = await t.press(lead, "moreResults", more?.data ?? {});
      expect(refsIn(pressed.card)).toEqual([]);
      expect(headingOf(pressed.card)).toContain("My actions");
    });
  });

  it("politely refuses someone in the directory with no role that may ask", async () => {
    const visitor = await t.addPerson({ email: "vi@council.gov.uk", name: "Vi Sitor", roles: [] });
    const card = await ask(visitor, "what's red for priority 3");
    expect(headingOf(card)).toBe("I can't answer questions for you yet");
    expect(cardText(card)).toContain("Type “help” to see what you can do");
    expect(refsIn(card)).toEqual([]);
  });
});
