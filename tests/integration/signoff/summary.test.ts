import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AdaptiveCardJson } from "../../../src/cards/card-json.ts";
import { ManualClock } from "../../../src/clock.ts";
import type { Action } from "../../../src/domain/action.ts";
import { DEFAULT_PLAN_ID, SAMPLE_PLAN } from "../../../src/domain/plan.ts";
import type { Rag } from "../../../src/domain/rag.ts";
import type { Decision, Update } from "../../../src/domain/update.ts";
import { anUpdate, approvedBy, aRatedAction } from "../../support/builders.ts";
import { cardsOf, cardText } from "../../support/stand-in-connector.ts";
import { startTestApp, type TestApp, type TestPerson } from "../../support/start-test-app.ts";
import { cardProblems, findObjects } from "../../support/validate-card.ts";

const TODAY = "2026-12-15";
const SETUP = { id: "test", name: "Test setup" };

const action = aRatedAction;

const approved: Decision = approvedBy("2026-12-10T10:00:00.000Z");

function update(
  ref: string,
  quarter: string,
  proposedRag: Rag,
  previousRag: Rag | null,
  extra: Partial<Update> = {},
): Update {
  return anUpdate({
    ref,
    quarter,
    progress: "Progress.",
    proposedRag,
    author: "ola@council.gov.uk",
    authorName: "Ola Ade",
    state: "approved",
    previousRag,
    decision: approved,
    ...extra,
  });
}

/** A plan with reds, ambers, greens, an unrated action, overdue actions and one signed off complete. */
const ACTIONS = [
  action("S-01", [1], "Red", "2026-09-30"),
  action("S-02", [1], "Amber", "2027-03-31"),
  action("S-03", [1, 3], "Green", "2026-11-30"),
  action("S-04", [3], "Red", "2026-10-31"),
  action("S-05", [3], "Amber", null, { lead: "PSW" }),
  action("S-06", [4], "Green", "2026-06-30", { complete: true, signedOff: true }),
  action("S-07", [5], "Amber", "2026-12-31"),
  action("S-08", [2], null, "2027-06-30"),
];
const UPDATES = [
  // S-02 and S-07 were approved Green last quarter and Amber this quarter: "2 actions Green → Amber".
  update("S-02", "2026-Q2", "Green", "Amber"),
  update("S-02", "2026-Q3", "Amber", "Green"),
  update("S-07", "2026-Q2", "Green", "Amber"),
  update("S-07", "2026-Q3", "Amber", "Green"),
  update("S-04", "2026-Q3", "Red", "Red", { state: "submitted", decision: null }),
  update("S-06", "2026-Q3", "Green", "Green", {
    proposeCompletion: true,
    evidenceUrl: "https://council.sharepoint.com/s06",
  }),
];

/** The cells of each row of the card's RAG table, by the row's first cell. */
function tableRows(card: unknown): Map<string, string[]> {
  const rows = new Map<string, string[]>();
  for (const set of findObjects(card, (o) => o.type === "ColumnSet")) {
    const cells = (set.columns as Array<{ items: Array<{ text?: string }> }>).map(
      (c) => c.items[0]?.text ?? "",
    );
    if (cells.length === 5) rows.set(cells[0] as string, cells.slice(1));
  }
  return rows;
}

/** The text of the card from one section title to the next. */
function section(text: string, title: string): string {
  const start = text.indexOf(title);
  const rest = text.slice(start + title.length);
  const next = rest.search(
    /\n(Changes since last quarter|Overdue|Not yet updated this quarter|Awaiting a DMT decision|Signed off as complete this quarter|Open the dashboard)\n?/,
  );
  return next === -1 ? rest : rest.slice(0, next);
}

describe("the quarterly summary in chat", () => {
  let t: TestApp;
  let dee: TestPerson;
  let reply: (person: TestPerson) => AdaptiveCardJson;

  beforeAll(async () => {
    t = await startTestApp({
      skipSamplePlan: true,
      clock: new ManualClock(new Date(`${TODAY}T10:00:00Z`)),
    });
    await t.store.plans.save(SAMPLE_PLAN, SETUP, null);
    for (const a of ACTIONS) await t.store.actions.save(a, SETUP, null);
    for (const u of UPDATES) await t.store.updates.create(u, SETUP);
    await t.addPerson({
      email: "ola@council.gov.uk",
      name: "Ola Ade",
      roles: ["lead"],
      leads: ["service manager"],
    });
    dee = await t.addPerson({ email: "dee@council.gov.uk", name: "Dee Director", roles: ["dmt"] });
    reply = (person) =>
      cardsOf(
        t.connector.messagesIn(t.connector.personalConversationOf(person)).at(-1) as never,
      )[0];
  });
  afterAll(() => t?.close());

  it("answers `summary` with figures that match the store", async () => {
    await t.say(dee, "summary");
    const card = reply(dee);
    expect(cardProblems(card)).toEqual([]);
    const text = cardText(card);
    expect(text).toContain("Plan summary: October to December 2026");

    // RAG by priority, counted straight from the stored actions.
    const actions = await t.store.actions.list(DEFAULT_PLAN_ID);
    const count = (list: Action[]) =>
      (["Red", "Amber", "Green", null] as const).map((rag) =>
        String(list.filter((a) => a.rag === rag).length),
      );
    const rows = tableRows(card);
    for (const priority of SAMPLE_PLAN.priorities) {
      const label = `${priority.number} — ${priority.name}`;
      expect(rows.get(label), label).toEqual(
        count(actions.filter((a) => a.priorities.includes(priority.number))),
      );
    }
    expect(rows.get("All actions")).toEqual(count(actions));
    expect(rows.get("All actions")).toEqual(["2", "3", "2", "1"]);

    // Overdue: past due and not complete.
    const overdue = actions.filter(
      (a) => !a.complete && a.completionDate.due !== null && a.completionDate.due < TODAY,
    );
    const overdueText = section(text, "Overdue");
    expect(overdue.map((a) => a.ref).sort()).toEqual(["S-01", "S-03", "S-04"]);
    for (const a of actions)
      expect(overdueText.includes(`${a.ref} `), a.ref).toBe(overdue.includes(a));

    // Movements from last quarter's approved RAG to this quarter's.
    expect(section(text, "Changes since last quarter").replace(/\s+/g, " ").trim()).toBe(
      "2 actions ● Green → ● Amber (S-02, S-07)",
    );

    // Who has not updated; what awaits a decision; what was signed off complete.
    const updates = await t.store.updates.forQuarter("2026-Q3");
    const owed = actions
      .filter((a) => !a.complete && !updates.some((u) => u.ref === a.ref))
      .map((a) => a.ref);
    expect(owed).toEqual(expect.arrayContaining(["S-01", "S-03", "S-05", "S-08"]));
    const owing = section(text, "Not yet updated this quarter");
    expect(owing).toContain("Ola Ade: S-01, S-03, S-08");
    expect(owing).toContain("PSW (nobody in the directory leads this): S-05");
    const awaiting = updates.filter((u) => u.state === "submitted").length;
    expect(section(text, "Awaiting a DMT decision").trim()).toBe(`${awaiting} update`);
    expect(section(text, "Signed off as complete this quarter").trim()).toBe("S-06");
  });

  it("answers `quarterly summary` for a manager too, and refuses a lead politely", async () => {
    const manager = await t.addPerson({
      email: "ali@council.gov.uk",
      name: "Ali Manager",
      roles: ["manager"],
    });
    await t.say(manager, "Quarterly summary");
    expect(cardText(reply(manager))).toContain("Plan summary: October to December 2026");

    const lead = await t.addPerson({
      email: "lee@council.gov.uk",
      name: "Lee Lead",
      roles: ["lead"],
      leads: ["PSW"],
    });
    await t.say(lead, "summary");
    const refusal = cardText(reply(lead));
    expect(refusal).not.toContain("Plan summary");
    expect(refusal).toContain("Only DMT members, managers and admins can see the review's status");
  });
});
