import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordDecision } from "../../../src/domain/decision-rules.ts";
import { DEFAULT_PLAN_ID } from "../../../src/domain/plan.ts";
import { cardText } from "../../support/stand-in-connector.ts";
import { decisionData, QUARTER, type SignOffWorld, startSignOffWorld } from "./signoff-fixture.ts";

describe("sign-off after the first press: edits, resubmissions, repairs, reminders, the review-day summary", () => {
  let w: SignOffWorld;
  beforeAll(async () => {
    w = await startSignOffWorld();
  });
  afterAll(() => w?.close());

  it("redraws DMT's cards when the lead edits before a decision, and refuses a press on the old text", async () => {
    const first = await w.submit("CSC-11", { progress: "Draft audit tool agreed." });
    const edited = await w.submit("CSC-11", {
      progress: "Audit tool in use; first audit shows 80% compliance.",
      proposeCompletion: true,
      evidenceUrl: "https://council.sharepoint.com/sites/csc/audit.pdf",
      proposedRag: "Green",
      ragJustification: "Complete: the audit shows it",
    });
    for (const member of [w.dee, w.sam]) {
      expect(w.signOffCardsTo(member, "CSC-11")).toHaveLength(1);
      expect(
        w.updatesTo(member).some((text) => text.includes("first audit shows 80% compliance")),
      ).toBe(true);
    }

    const old = await w.t.press(w.dee, "approveUpdate", decisionData(first));
    expect(cardText(old.card)).toContain(
      "Hana Osei changed this update after your copy was sent, so nothing was decided.",
    );
    expect(cardText(old.card)).toContain("first audit shows 80% compliance");
    expect((await w.t.store.updates.get(QUARTER, "CSC-11", "default"))?.doc.decision).toBeNull();

    await w.t.press(w.dee, "approveUpdate", decisionData(edited));
    const action = (await w.t.store.actions.get("CSC-11", DEFAULT_PLAN_ID))?.doc;
    expect(action).toMatchObject({ rag: "Green", complete: true, signedOff: true });
    expect((await w.t.store.audit.history("action:CSC-11")).at(-1)?.summary).toBe(
      "CSC-11: RAG Amber → Green; signed off complete",
    );
  });

  it("sends a fresh card when the lead resubmits after a Return", async () => {
    const sent = await w.submit("CSC-15", { progress: "Started." });
    await w.t.press(w.sam, "returnUpdate", decisionData(sent, "Say what started, please."));
    await w.t.idle();
    await w.submit("CSC-15", { progress: "Started the new supervision audit in all three teams." });
    const cards = w.signOffCardsTo(w.dee, "CSC-15");
    expect(cards).toHaveLength(2);
    expect(cardText(cards[1])).toContain("Started the new supervision audit");
    expect(cards[1]?.actions?.map((a) => a.title)).toEqual(["Approve", "Return"]);
  });

  it("applies an approval that a crash left unapplied, on the daily run, and tells the lead once", async () => {
    const update = await w.submit("CSC-14", { proposedRag: "Red" });
    const found = await w.t.store.updates.get(QUARTER, "CSC-14", "default");
    if (!found) throw new Error("no update");
    // The process stops right after writing the decision: the action is untouched, nobody was told.
    w.clock.advance(60_000);
    const request = { outcome: "approved" as const, revision: update.revision, comment: "" };
    const decided = recordDecision(found.doc, w.dee.person, request, w.clock.now());
    await w.t.store.updates.replace(
      decided,
      found.etag,
      { id: w.dee.person.id, name: "Dee Director" },
      found.doc,
    );
    expect((await w.t.store.actions.get("CSC-14", DEFAULT_PLAN_ID))?.doc.rag).toBe("Amber");

    w.clock.advance(60_000);
    await w.signOff.daily.run("2026-12-15");
    await w.signOff.daily.run("2026-12-15");
    await w.t.idle();
    expect((await w.t.store.actions.get("CSC-14", DEFAULT_PLAN_ID))?.doc.rag).toBe("Red");
    const writes = (await w.t.store.audit.history("action:CSC-14")).filter((e) =>
      e.summary.includes("RAG Amber → Red"),
    );
    expect(writes).toHaveLength(1);
    expect(writes[0]?.actor.name).toBe("Dee Director");
    const outcomes = w
      .textsTo(w.lead)
      .filter((text) => text.includes("CSC-14") && text.includes("was approved"));
    expect(outcomes).toHaveLength(1);
  });

  it("reminds DMT of updates waiting more than five working days, once a day", async () => {
    await w.submit("CSC-16", { progress: "Foster carer survey sent." });
    const reminders = (member: typeof w.dee) =>
      w.textsTo(member).filter((text) => text.includes("waited more than 5 working days"));

    // Sent Tuesday 15 December; Tuesday 22nd is five working days on, Wednesday 23rd six.
    await w.signOff.daily.run("2026-12-22");
    await w.t.idle();
    expect(reminders(w.dee)).toHaveLength(0);

    await w.signOff.daily.run("2026-12-23");
    await w.signOff.daily.run("2026-12-23");
    await w.t.idle();
    for (const member of [w.dee, w.sam]) {
      expect(reminders(member)).toHaveLength(1);
      expect(reminders(member)[0]).toContain("CSC-16");
      expect(reminders(member)[0]).toContain("waiting 6 working days");
    }
    expect(reminders(w.manager)).toHaveLength(0);

    await w.signOff.daily.run("2026-12-24");
    await w.t.idle();
    expect(reminders(w.dee)).toHaveLength(2);
    expect(reminders(w.dee)[1]).toContain("waiting 7 working days");
  });

  it("sends DMT the quarter's summary on the review date, once", async () => {
    const summaries = (member: typeof w.dee) =>
      w.textsTo(member).filter((text) => text.includes("Plan summary: October to December 2026"));
    await w.signOff.daily.run("2026-12-30");
    await w.t.idle();
    expect(summaries(w.dee)).toHaveLength(0);

    await w.signOff.daily.run("2026-12-31");
    await w.signOff.daily.run("2027-01-04");
    await w.t.idle();
    for (const member of [w.dee, w.sam]) expect(summaries(member)).toHaveLength(1);
    expect(summaries(w.manager)).toHaveLength(0);
    expect(summaries(w.lead)).toHaveLength(0);
    const text = summaries(w.dee)[0] ?? "";
    // CSC-11 was signed off complete this quarter; CSC-15 (resubmitted) and CSC-16 await a decision.
    expect(text).toMatch(/Signed off as complete this quarter\s+CSC-11/);
    expect(text).toMatch(/Awaiting a DMT decision\s+2 updates/);
  });
});
