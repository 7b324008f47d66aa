import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ManualClock } from "../../../src/clock.ts";
import { reviewRoundDates } from "../../../src/domain/calendar.ts";
import { DEFAULT_PLAN_ID } from "../../../src/domain/plan.ts";
import type { ReviewStatus } from "../../../src/review/review-status.ts";
import type { RunningScheduler } from "../../../src/scheduler/scheduler.ts";
import { importPlanRows, leadAndDirector } from "../../support/builders.ts";
import { runCliHere } from "../../support/run-cli.ts";
import { type CardJson, cardText } from "../../support/stand-in-connector.ts";
import { startTestApp, type TestApp, type TestPerson } from "../../support/start-test-app.ts";
import { findObjects } from "../../support/validate-card.ts";
import { startAnotherInstance } from "./another-instance.ts";
import { londonMorning } from "./review-store.ts";

const QUARTER = "2026-Q3";
const CYP = "Children and Young People Plan";
const SEND = "SEND Improvement Plan 2025-26";
const SEND_ID = "send-improvement-plan-2025-26";

/**
 * Two plans in one store, each with a Ref 1.1 led by the same person, through the real endpoint,
 * the stand-in Bot Connector and the real embedded store: one review round for both plans.
 */
describe("a review round over two plans with the same Refs", () => {
  const clock = new ManualClock(londonMorning("2026-12-08", "08:00"));
  let t: TestApp;
  let instance: RunningScheduler;
  let jo: TestPerson;
  let dee: TestPerson;

  beforeAll(async () => {
    t = await startTestApp({ clock, skipSamplePlan: true });
    await importPlanRows(t, { id: DEFAULT_PLAN_ID, name: CYP }, [
      "1.1,1,Refresh the early help offer,Head of Early Help,31/03/2027,Amber",
      "1.2,1,Publish the family hubs directory,Head of Early Help,31/03/2027,Green",
    ]);
    await importPlanRows(t, { id: SEND_ID, name: SEND }, [
      "1.1,1,Cut waiting times for EHC needs assessments,Head of Early Help,31/03/2027,Red",
      "2.1,2,Co-produce the preparing for adulthood pathway,Head of Early Help,31/03/2027,Amber",
    ]);
    ({ jo, dee } = await leadAndDirector(t, ["Head of Early Help"]));
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

  const submitOf = (card: CardJson) =>
    findObjects(card, (o) => o.verb === "submitUpdate")[0]?.data as
      | Record<string, unknown>
      | undefined;
  const formsTo = (person: TestPerson) => t.cardsTo(person).filter((card) => submitOf(card));

  it("sends the lead one form per action across both plans, each naming its plan", () => {
    const forms = formsTo(jo).map((card) => ({ data: submitOf(card), text: cardText(card) }));
    expect(forms.map((f) => `${f.data?.planId ?? DEFAULT_PLAN_ID} ${f.data?.ref}`).sort()).toEqual([
      `default 1.1`,
      `default 1.2`,
      `${SEND_ID} 1.1`,
      `${SEND_ID} 2.1`,
    ]);
    for (const form of forms) {
      expect(form.text).toContain(form.data?.planId ? SEND : CYP);
      expect(form.text).not.toContain(form.data?.planId ? CYP : SEND);
    }
  });

  it("lists both plans' actions under their names in my actions", async () => {
    await t.say(jo, "my actions");
    await t.idle();
    const text = t.cardsTo(jo).slice(-6).map(cardText).join("\n");
    expect(text).toContain(CYP);
    expect(text).toContain(SEND);
  });

  it("gives review status each plan's list under its name, 1.1 owed under both", async () => {
    await t.say(dee, "review status");
    await t.idle();
    const text = cardText(t.cardsTo(dee).at(-1) as CardJson);
    expect(text).toContain("4 still to update");
    const cyp = text.indexOf(CYP);
    const send = text.indexOf(SEND);
    expect(cyp).toBeGreaterThan(-1);
    expect(send).toBeGreaterThan(cyp);
    expect(text.slice(cyp, send)).toContain("Jo Lead: 1.1, 1.2");
    expect(text.slice(send)).toContain("Jo Lead: 1.1, 2.1");

    const env = { DATA_DIR: t.dataDir, LOG_LEVEL: "silent" };
    const json = await runCliHere(["review", "status", "--quarter", QUARTER, "--json"], env);
    expect(json.code, json.stderr).toBe(0);
    const status = JSON.parse(json.stdout) as ReviewStatus;
    expect(status.plans?.map((p) => [p.planId, p.planName, p.owing[0]?.refs])).toEqual([
      [DEFAULT_PLAN_ID, CYP, ["1.1", "1.2"]],
      [SEND_ID, SEND, ["1.1", "2.1"]],
    ]);
    const lines = await runCliHere(["review", "status", "--quarter", QUARTER], env);
    expect(lines.stdout).toMatch(
      new RegExp(`${CYP}:\\n  Still to update:\\n    Jo Lead <[^>]+>: 1\\.1, 1\\.2\\n`),
    );
    expect(lines.stdout).toMatch(
      new RegExp(`${SEND}:\\n  Still to update:\\n    Jo Lead <[^>]+>: 1\\.1, 2\\.1\\n`),
    );
  });

  it("keeps plan B's 1.1 apart from plan A's through submit and sign-off", async () => {
    const sendForm = formsTo(jo).find(
      (c) => submitOf(c)?.planId === SEND_ID && submitOf(c)?.ref === "1.1",
    );
    const data = submitOf(sendForm as CardJson);
    const pressed = await t.press(jo, "submitUpdate", {
      ...data,
      progress: "Assessments now within 20 weeks for 64% of children.",
      proposedRag: "Amber",
    });
    expect(cardText(pressed.card)).toContain("awaiting sign-off");
    await t.idle();
    expect(await t.store.updates.get(QUARTER, "1.1", DEFAULT_PLAN_ID)).toBeNull();
    const sent = await t.store.updates.get(QUARTER, "1.1", SEND_ID);
    expect(sent?.doc).toMatchObject({ planId: SEND_ID, proposedRag: "Amber" });

    const cypForm = formsTo(jo).find((c) => !submitOf(c)?.planId && submitOf(c)?.ref === "1.1");
    await t.press(jo, "submitUpdate", {
      ...submitOf(cypForm as CardJson),
      progress: "Early help offer refreshed with partners.",
      proposedRag: "Green",
    });
    await t.idle();
    expect((await t.store.updates.get(QUARTER, "1.1", SEND_ID))?.doc.progress).toBe(
      "Assessments now within 20 weeks for 64% of children.",
    );

    const signOffs = t.cardsTo(dee).filter((c) => cardText(c).includes("Sign-off: 1.1"));
    expect(signOffs).toHaveLength(2);
    const approveOf = (card: CardJson) =>
      findObjects(card, (o) => o.verb === "approveUpdate")[0]?.data as Record<string, unknown>;
    const sendCard = signOffs.find((c) => cardText(c).includes(SEND)) as CardJson;
    // Each sign-off card's history link opens its own plan's 1.1 in the tab.
    const historyLink = (card: CardJson) =>
      JSON.stringify(card).match(/\/tab\/actions\/[^)"\\]*/)?.[0];
    expect(approveOf(sendCard).planId).toBe(SEND_ID);
    expect(historyLink(sendCard)).toBe(`/tab/actions/1.1?plan=${SEND_ID}`);
    const cypSignOff = signOffs.find((c) => cardText(c).includes(CYP)) as CardJson;
    expect(historyLink(cypSignOff)).toBe("/tab/actions/1.1");
    await t.press(dee, "approveUpdate", { ...approveOf(sendCard), comment: "" });
    await t.idle();
    expect((await t.store.updates.get(QUARTER, "1.1", SEND_ID))?.doc.state).toBe("approved");
    expect((await t.store.updates.get(QUARTER, "1.1", DEFAULT_PLAN_ID))?.doc.state).toBe(
      "submitted",
    );
    expect((await t.store.actions.get("1.1", SEND_ID))?.doc.rag).toBe("Amber");
    expect((await t.store.actions.get("1.1", DEFAULT_PLAN_ID))?.doc.rag).toBe("Amber");

    const cypCard = signOffs.find((c) => cardText(c).includes(CYP)) as CardJson;
    await t.press(dee, "approveUpdate", { ...approveOf(cypCard), comment: "" });
    await t.idle();
    expect((await t.store.actions.get("1.1", DEFAULT_PLAN_ID))?.doc.rag).toBe("Green");
    expect((await t.store.actions.get("1.1", SEND_ID))?.doc.rag).toBe("Amber");
  });

  it("chases once with both plans' outstanding actions on one list", async () => {
    // The chaser is on 18 December: 1.2 and 2.1 are still owed, one in each plan.
    clock.set(londonMorning("2026-12-18"));
    await instance.runDue(clock.now());
    await t.idle();
    const chasers = t.cardsTo(jo).filter((c) => cardText(c).startsWith("Reminder:"));
    expect(chasers).toHaveLength(1);
    const text = cardText(chasers[0] as CardJson);
    expect(text).toContain("Reminder: 2 updates still needed");
    expect(text.indexOf(CYP)).toBeLessThan(text.indexOf("1.2"));
    expect(text.indexOf(SEND)).toBeLessThan(text.indexOf("2.1"));
  });

  it("sends DMT the last list of who still owes what under each plan's name", async () => {
    clock.set(londonMorning(reviewRoundDates("2026-12-31").final));
    await instance.runDue(clock.now());
    await t.idle();
    const lists = t.cardsTo(dee).filter((c) => cardText(c).includes("two working days to go"));
    expect(lists).toHaveLength(1);
    const text = cardText(lists[0] as CardJson);
    const cyp = text.indexOf(CYP);
    const send = text.indexOf(SEND);
    expect(cyp).toBeGreaterThan(-1);
    expect(send).toBeGreaterThan(cyp);
    expect(text.slice(cyp, send)).toContain("Jo Lead: 1.2");
    expect(text.slice(send)).toContain("Jo Lead: 2.1");
  });

  it("sums up each plan on its own card with its own figures, its link opening that plan", async () => {
    const before = t.cardsTo(dee).length;
    await t.say(dee, "summary");
    await t.idle();
    const cards = t.cardsTo(dee).slice(before);
    expect(cards).toHaveLength(2);
    const [cyp, send] = cards.map(cardText) as [string, string];
    expect(cyp).toContain(`${CYP} \u00b7 2 actions`);
    expect(send).toContain(`${SEND} \u00b7 2 actions`);
    expect(cyp).not.toContain(SEND);
    expect(send).not.toContain(CYP);
    // Each 1.1 moved in its own plan: Amber to Green in one, Red to Amber in the other.
    expect(cyp).toContain("\u25cf Amber\n\u2192\n\u25cf Green\n(1.1)");
    expect(send).toContain("\u25cf Red\n\u2192\n\u25cf Amber\n(1.1)");
    expect(cyp).toContain("Jo Lead: 1.2");
    expect(cyp).not.toContain("2.1");
    expect(send).toContain("Jo Lead: 2.1");
    const links = cards.map((c) => findObjects(c, (o) => o.type === "Action.OpenUrl")[0]?.url);
    expect(links[0]).toMatch(/\/tab$/);
    expect(links[1]).toMatch(new RegExp(`/tab\\?plan=${SEND_ID}$`));
  });
});
