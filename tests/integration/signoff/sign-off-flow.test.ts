import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_PLAN_ID } from "../../../src/domain/plan.ts";
import type { toPlanRows } from "../../../src/export/plan-rows.ts";
import { runCliHere } from "../../support/run-cli.ts";
import { cardText } from "../../support/stand-in-connector.ts";
import { cardProblems, findObjects } from "../../support/validate-card.ts";
import {
  decisionData,
  PUBLIC_URL,
  QUARTER,
  type SignOffWorld,
  startSignOffWorld,
} from "./signoff-fixture.ts";

describe("DMT sign-off through the bot", () => {
  let w: SignOffWorld;
  beforeAll(async () => {
    w = await startSignOffWorld();
  });
  afterAll(() => w?.close());

  const exported = async (ref: string) => {
    const out = await runCliHere(["export", "--format", "json"], {
      DATA_DIR: w.t.dataDir,
      EMBEDDED_COSMOS_PORT: "0",
    });
    expect(out.stderr).toBe("");
    return (JSON.parse(out.stdout) as ReturnType<typeof toPlanRows>).find((row) => row.ref === ref);
  };
  // The outcome messages only: an update form also says "Last approved update", and the opening
  // round's forms may reach the lead's chat while a test runs.
  const outcomesTo = (ref: string) =>
    w.textsTo(w.lead).filter((text) => text.includes(ref) && /was approved|Returned by/.test(text));

  it("sends every DMT member a sign-off card with the whole update on it", async () => {
    await w.submit("CSC-07", {
      proposedRag: "Amber",
      evidenceUrl: "https://council.sharepoint.com/sites/csc/dip-sample.xlsx",
    });
    for (const member of [w.dee, w.sam]) {
      const cards = w.signOffCardsTo(member, "CSC-07");
      expect(cards).toHaveLength(1);
      expect(cardProblems(cards[0])).toEqual([]);
      const text = cardText(cards[0]);
      expect(text).toContain("Regular review of CP cases");
      expect(text).toContain("HoS/ Service Manager");
      expect(text).toContain("Sent by Hana Osei");
      expect(text).toContain("92% rated good or better");
      expect(text).toContain("https://council.sharepoint.com/sites/csc/dip-sample.xlsx");
      expect(text).toContain(`${PUBLIC_URL}/tab/actions/CSC-07`);
      expect(
        findObjects(
          cards[0],
          (o) => o.type === "Action.Execute" && o.verb !== "refreshSignOff",
        ).map((a) => a.title),
      ).toEqual(["Approve", "Return"]);
    }
    expect(w.signOffCardsTo(w.manager, "CSC-07")).toHaveLength(0);
    expect(w.signOffCardsTo(w.lead, "CSC-07")).toHaveLength(0);
  });

  it("records exactly one decision when two DMT members approve at the same moment", async () => {
    const update = (await w.t.store.updates.get(QUARTER, "CSC-07", "default"))?.doc;
    if (!update) throw new Error("no update");
    const [first, second] = await Promise.all([
      w.t.press(w.dee, "approveUpdate", decisionData(update)),
      w.t.press(w.sam, "approveUpdate", decisionData(update)),
    ]);
    await w.t.idle();
    const answers = [cardText(first.card), cardText(second.card)];
    expect(answers.filter((text) => text.includes("Already approved by"))).toHaveLength(1);
    expect(answers.every((text) => /Approved by (Dee Director|Sam Patel)/.test(text))).toBe(true);

    const stored = (await w.t.store.updates.get(QUARTER, "CSC-07", "default"))?.doc;
    expect(stored?.state).toBe("approved");
    const decider = stored?.decision?.byName;
    expect(answers.find((text) => text.includes("Already approved by"))).toContain(
      `Already approved by ${decider}`,
    );
    const history = await w.t.store.audit.history(`update:${QUARTER}:CSC-07`);
    expect(history.filter((entry) => entry.summary.includes("approved by"))).toHaveLength(1);

    // Both DMT copies now say who decided; the lead hears once.
    for (const member of [w.dee, w.sam]) {
      expect(
        w
          .updatesTo(member)
          .some(
            (text) => text.includes("Sign-off: CSC-07") && text.includes(`Approved by ${decider}`),
          ),
      ).toBe(true);
    }
    expect(outcomesTo("CSC-07")).toHaveLength(1);
    expect(outcomesTo("CSC-07")[0]).toContain("was approved");
    // The lead's own "submitted" card shows the decision when Teams refreshes it.
    const refreshed = await w.t.press(w.lead, "refreshUpdate", { ref: "CSC-07", quarter: QUARTER });
    expect(cardText(refreshed.card)).toContain(`Approved by ${decider}`);

    const row = await exported("CSC-07");
    expect(row?.rag).toBe("Amber");
    expect(row?.latestDecision).toMatchObject({
      quarter: QUARTER,
      outcome: "approved",
      by: decider,
    });
    const actionHistory = await w.t.store.audit.history("action:CSC-07");
    expect(actionHistory.at(-1)).toMatchObject({
      summary: "CSC-07: RAG Green → Amber",
      actor: { name: decider },
    });
  });

  it("answers a later press politely and changes nothing", async () => {
    const before = await w.t.store.updates.get(QUARTER, "CSC-07", "default");
    if (!before) throw new Error("no update");
    const late = await w.t.press(
      w.dee,
      "returnUpdate",
      decisionData(before.doc, "Actually, more please"),
    );
    expect(cardText(late.card)).toMatch(
      /Already approved by .+ on \d+ December 2026 at \d\d:\d\d\. Nothing was changed\./,
    );
    expect((await w.t.store.updates.get(QUARTER, "CSC-07", "default"))?.etag).toBe(before.etag);
  });

  it("returns an update with a comment: the lead gets the comment and a form holding their text", async () => {
    const update = await w.submit("CSC-02", {
      progress: "Assessment template rewritten with young people.",
      proposedRag: "Green",
      ragJustification: "The work is on track for the new date",
      revisedDate: "2027-03-31",
      revisedDateReason: "Training for all teams moved to the new year",
    });
    const pressed = await w.t.press(
      w.sam,
      "returnUpdate",
      decisionData(update, "Please add how many plans were audited."),
    );
    await w.t.idle();
    expect(cardText(pressed.card)).toContain("Returned by Sam Patel");
    expect((await w.t.store.updates.get(QUARTER, "CSC-02", "default"))?.doc).toMatchObject({
      state: "returned",
      decision: {
        outcome: "returned",
        byName: "Sam Patel",
        comment: "Please add how many plans were audited.",
      },
    });

    const forms = w.t.cardsTo(w.lead).filter((card) => cardText(card).includes("Update CSC-02"));
    expect(forms).toHaveLength(1);
    const form = forms[0];
    expect(cardProblems(form)).toEqual([]);
    expect(cardText(form)).toMatch(
      /Returned by Sam Patel on .+: Please add how many plans were audited\./,
    );
    const input = (id: string) => findObjects(form, (o) => o.id === id)[0]?.value;
    expect(input("progress")).toBe("Assessment template rewritten with young people.");
    expect(input("proposedRag")).toBe("Green");
    expect(input("revisedDate")).toBe("2027-03-31");
    expect(input("revisedDateReason")).toBe("Training for all teams moved to the new year");
    const submit = findObjects(form, (o) => o.verb === "submitUpdate")[0];
    expect(submit?.data).toMatchObject({
      ref: "CSC-02",
      quarter: QUARTER,
      revision: update.revision,
    });

    // A return changes nothing on the action.
    expect((await exported("CSC-02"))?.rag).toBe("Amber");
  });

  it("refuses Return without a comment, keeping the card and what was typed", async () => {
    const update = await w.submit("CSC-01", { proposedRag: "Red" });
    const before = await w.t.store.updates.get(QUARTER, "CSC-01", "default");
    const pressed = await w.t.press(w.dee, "returnUpdate", decisionData(update, "   "));
    const text = cardText(pressed.card);
    expect(text).toContain("Please write a comment saying what the lead should add or change");
    expect(text).toContain("Sign-off: CSC-01");
    expect(findObjects(pressed.card, (o) => o.id === "comment")[0]?.value).toBe("   ");
    expect(findObjects(pressed.card, (o) => o.title === "Return")).toHaveLength(1);
    expect((await w.t.store.updates.get(QUARTER, "CSC-01", "default"))?.etag).toBe(before?.etag);
  });

  it("refuses a non-DMT person replaying the Approve invoke, and changes nothing", async () => {
    const before = await w.t.store.updates.get(QUARTER, "CSC-01", "default");
    const actionBefore = await w.t.store.actions.get("CSC-01", DEFAULT_PLAN_ID);
    if (!before) throw new Error("no update");
    const sentToLead = w.t.cardsTo(w.lead).length;
    for (const person of [w.manager, w.lead]) {
      const pressed = await w.t.press(person, "approveUpdate", decisionData(before.doc));
      expect(cardText(pressed.card)).toContain("Only DMT members can approve or return updates");
    }
    await w.t.idle();
    expect((await w.t.store.updates.get(QUARTER, "CSC-01", "default"))?.etag).toBe(before.etag);
    expect((await w.t.store.actions.get("CSC-01", DEFAULT_PLAN_ID))?.etag).toBe(actionBefore?.etag);
    expect(w.t.cardsTo(w.lead)).toHaveLength(sentToLead);
  });

  it("applies an approved date change: export shows it and the action is no longer overdue", async () => {
    const before = await w.figures();
    expect(before?.overdue.map((o) => o.ref)).toContain("CSC-03");
    const update = await w.submit("CSC-03", {
      revisedDate: "2027-06-30",
      revisedDateReason: "Waiting for the new case management system",
    });
    const card = w.signOffCardsTo(w.dee, "CSC-03")[0];
    expect(cardText(card)).toContain(
      "Completion date change: 30 September 2022 → 30 June 2027 — reason: Waiting for the new case management system",
    );
    await w.t.press(w.dee, "approveUpdate", decisionData(update));
    const row = await exported("CSC-03");
    expect(row).toMatchObject({
      completionDate: "30 June 2027",
      dueDate: "2027-06-30",
      rag: "Amber",
    });
    const history = await w.t.store.audit.history("action:CSC-03");
    expect(history.at(-1)?.summary).toBe("CSC-03: completion date September 2022 → 30 June 2027");
    const after = await w.figures();
    expect(after?.overdue.map((o) => o.ref)).not.toContain("CSC-03");
    // Next quarter's form suggests a rating from the new date, not the old one.
    const nextForm = cardText(
      (await w.t.press(w.lead, "editUpdate", { ref: "CSC-03", quarter: "2026-Q4" })).card,
    );
    expect(nextForm).toContain("30 June 2027");
    expect(nextForm).not.toContain("has passed");
  });
});
