import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ManualClock } from "../../../src/clock.ts";
import { DEFAULT_PLAN_ID } from "../../../src/domain/plan.ts";
import type { RunningScheduler } from "../../../src/scheduler/scheduler.ts";
import { importPlanRows, leadAndDirector } from "../../support/builders.ts";
import { type CardJson, cardText } from "../../support/stand-in-connector.ts";
import { startTestApp, type TestApp, type TestPerson } from "../../support/start-test-app.ts";
import { findObjects } from "../../support/validate-card.ts";
import { startAnotherInstance } from "./another-instance.ts";
import { londonMorning } from "./review-store.ts";

const CYP = "Children and Young People Plan";
const SEND = "SEND Improvement Plan 2025-26";
const SEND_ID = "send-improvement-plan-2025-26";
const CYP_TITLE = "Refresh the early help offer";
const SEND_TITLE = "Cut waiting times for EHC needs assessments";

/**
 * The cards that speak of one action, with two plans in the store that each have a Ref 1.1: each
 * says which plan's 1.1 it is and takes its words from that plan. Through the real endpoint, the
 * stand-in Bot Connector and the real embedded store.
 */
describe("cards about one action when two plans each have a 1.1", () => {
  const clock = new ManualClock(londonMorning("2026-12-08", "08:00"));
  let t: TestApp;
  let instance: RunningScheduler;
  let jo: TestPerson;
  let dee: TestPerson;

  beforeAll(async () => {
    t = await startTestApp({ clock, skipSamplePlan: true });
    await importPlanRows(t, { id: DEFAULT_PLAN_ID, name: CYP }, [
      `1.1,1,${CYP_TITLE},Head of Early Help,31/03/2027,Amber`,
      "1.2,1,Publish the family hubs directory,Head of Early Help,31/03/2027,Green",
      "1.3,1,Recommission the youth offer,Head of Youth Services,31/03/2027,Green",
    ]);
    await importPlanRows(t, { id: SEND_ID, name: SEND }, [
      `1.1,1,${SEND_TITLE},Head of Early Help,31/03/2027,Red`,
      "2.1,2,Co-produce the preparing for adulthood pathway,Head of Youth Services,31/03/2027,Amber",
    ]);
    ({ jo, dee } = await leadAndDirector(t, ["Head of Early Help", "Head of Youth Services"]));
    instance = await startAnotherInstance(t.store, clock);
    // The 2026-Q3 review is on 31 December; its opening round is on 9 December.
    clock.set(londonMorning("2026-12-09"));
    await instance.runDue(clock.now());
    await t.idle();
  });
  afterAll(async () => {
    await instance?.stop();
    await t?.close();
  });

  const dataOf = (card: CardJson, verb: string) =>
    findObjects(card, (o) => o.verb === verb)[0]?.data as Record<string, unknown> | undefined;
  const formFor = (planId: string | undefined, ref: string) =>
    t
      .cardsTo(jo)
      .find(
        (c) =>
          dataOf(c, "submitUpdate")?.ref === ref && dataOf(c, "submitUpdate")?.planId === planId,
      ) as CardJson;

  it("welcomes a lead with the actions they lead counted in every plan, plan by plan", () => {
    const text = cardText(t.cardsTo(jo)[0] as CardJson);
    expect(text).toContain("Hello Jo Lead");
    expect(text).toContain(
      `You lead 5 actions: ${CYP}: 2 as \u201cHead of Early Help\u201d, 1 as \u201cHead of Youth Services\u201d; ${SEND}: 1 as \u201cHead of Early Help\u201d, 1 as \u201cHead of Youth Services\u201d.`,
    );
  });

  it("shows the tapped plan's 1.1 in full, naming its plan", async () => {
    await t.say(dee, "1.1");
    await t.idle();
    const list = t.cardsTo(dee).at(-1) as CardJson;
    const taps = findObjects(list, (o) => o.verb === "showAction").map(
      (o) => o.data as Record<string, unknown>,
    );
    for (const [planId, name, title, other] of [
      [SEND_ID, SEND, SEND_TITLE, CYP],
      [DEFAULT_PLAN_ID, CYP, CYP_TITLE, SEND],
    ]) {
      const tap = taps.find((d) => (d.planId ?? DEFAULT_PLAN_ID) === planId);
      expect(tap, `a tap for ${name}'s 1.1`).toBeDefined();
      const detail = cardText((await t.press(dee, "showAction", tap)).card);
      expect(detail).toContain(`Plan\n${name}`);
      expect(detail).toContain(title);
      expect(detail).not.toContain(other);
    }
  });

  it("reminds DMT of slow decisions with each update's own title and plan", async () => {
    for (const [planId, rag] of [
      [SEND_ID, "Amber"],
      [undefined, "Green"],
    ]) {
      await t.press(jo, "submitUpdate", {
        ...dataOf(formFor(planId, "1.1"), "submitUpdate"),
        progress: "Work under way with partners.",
        proposedRag: rag,
      });
    }
    await t.idle();
    // Sent Wednesday 9 December; Thursday 17th is six working days on, one more than the limit.
    clock.set(londonMorning("2026-12-17"));
    await instance.runDue(clock.now());
    await t.idle();
    const reminders = t
      .cardsTo(dee)
      .map(cardText)
      .filter((text) => text.includes("waited more than 5 working days"));
    expect(reminders).toHaveLength(1);
    expect(reminders[0]).toContain(`1.1 (${SEND}) ${SEND_TITLE} \u2014 sent by Jo Lead`);
    expect(reminders[0]).toContain(`1.1 (${CYP}) ${CYP_TITLE} \u2014 sent by Jo Lead`);
  });

  it("tells the lead which plan's 1.1 was approved and which was returned", async () => {
    const signOffs = t.cardsTo(dee).filter((c) => cardText(c).includes("Sign-off: 1.1"));
    const signOffOf = (name: string) =>
      dataOf(signOffs.find((c) => cardText(c).includes(name)) as CardJson, "approveUpdate");
    await t.press(dee, "approveUpdate", { ...signOffOf(SEND), comment: "" });
    await t.press(dee, "returnUpdate", {
      ...signOffOf(CYP),
      comment: "Please add the partners' figures.",
    });
    await t.idle();
    const texts = t.cardsTo(jo).map(cardText);
    const approved = texts.filter((text) => text.includes("update on 1.1 was approved"));
    expect(approved).toHaveLength(1);
    expect(approved[0]).toContain(`Plan\n${SEND}`);
    expect(approved[0]).not.toContain(CYP);
    const returned = texts.filter((text) => text.includes("Returned by Dee Director"));
    expect(returned).toHaveLength(1);
    expect(returned[0]).toContain(CYP);
    expect(returned[0]).toContain(CYP_TITLE);
    expect(returned[0]).not.toContain(SEND);
  });

  it("chases with each outstanding action under its own plan's name", async () => {
    clock.set(londonMorning("2026-12-18"));
    await instance.runDue(clock.now());
    await t.idle();
    const chasers = t
      .cardsTo(jo)
      .map(cardText)
      .filter((text) => text.startsWith("Reminder:"));
    expect(chasers).toHaveLength(1);
    const text = chasers[0] as string;
    // 1.1 of the first plan went back to Jo; 1.2 and 1.3 are still owed there, 2.1 in SEND.
    expect(text.indexOf(CYP)).toBeLessThan(text.indexOf("1.2"));
    expect(text.indexOf(SEND)).toBeGreaterThan(text.indexOf("1.3"));
    expect(text.indexOf(SEND)).toBeLessThan(text.indexOf("2.1"));
    // The notification shown outside the chat names each Ref's plan too.
    const summaries = t.connector.delivered
      .filter((d) => d.conversationId === t.connector.personalConversationOf(jo))
      .map((d) => String(d.activity.summary ?? ""))
      .filter((summary) => summary.includes("please update") && summary.includes("2.1"));
    expect(summaries.at(-1)).toContain(`2.1 (${SEND})`);
    expect(summaries.at(-1)).toContain(`1.2 (${CYP})`);
  });
});
