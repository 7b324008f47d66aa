import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ManualClock } from "../../../src/clock.ts";
import type { RunningScheduler } from "../../../src/scheduler/scheduler.ts";
import { runCliHere, tempDataDir } from "../../support/run-cli.ts";
import {
  type CardJson,
  cardsOf,
  cardText,
  type Delivered,
  StandInConnector,
} from "../../support/stand-in-connector.ts";
import { startTestApp, type TestApp, type TestPerson } from "../../support/start-test-app.ts";
import { findObjects } from "../../support/validate-card.ts";
import { startAnotherInstance } from "./another-instance.ts";
import { DMT, everyDay, LEADS, ROUND_DAYS, refsIn } from "./quarter-fixture.ts";
import { londonMorning } from "./review-store.ts";

/**
 * The 2026-Q3 review end to end: the real app and HTTP endpoint, the stand-in Bot Connector, the
 * sample plan's 19 actions and three leads, two scheduler instances on the same store, a clock
 * moved day by day, and a restart in the middle.
 */
describe("a quarter's review through Teams", () => {
  const clock = new ManualClock(londonMorning("2026-11-30", "08:00"));
  const dataDir = tempDataDir();
  let connector: StandInConnector;
  let t: TestApp;
  let instances: RunningScheduler[] = [];
  const people: Record<"hana" | "ira" | "tom" | "dmt", TestPerson> = {} as never;
  /** Round cards (forms, reminders, DMT's list) each person had received after each day's run. */
  const arrivals: Array<{ day: string; who: string; count: number }> = [];
  /** Messages that answered what someone typed (in a 1:1 chat an answer is a plain send too). */
  const answers = new Set<Delivered>();

  const start = async () => {
    t = await startTestApp({ clock, connector, dataDir });
    instances = [
      await startAnotherInstance(t.store, clock),
      await startAnotherInstance(t.store, clock),
    ];
  };
  const stop = async () => {
    for (const instance of instances) await instance.stop();
    await t.close();
  };

  beforeAll(async () => {
    connector = await StandInConnector.start();
    await start();
    for (const key of ["hana", "ira", "tom"] as const) {
      const lead = LEADS[key];
      people[key] = await t.addPerson({
        email: lead.email,
        name: lead.name,
        roles: ["lead"],
        leads: [...lead.leads],
      });
    }
    people.dmt = await t.addPerson({ email: DMT.email, name: DMT.name, roles: ["dmt"] });
    for (const person of Object.values(people))
      expect((await t.install(person)).status).toBeLessThan(300);
  });
  afterAll(async () => {
    await stop();
    await connector.close();
  });

  /** Each working morning both instances fire at 09:30; the app's sender delivers what they queued. */
  async function liveThrough(from: string, to: string): Promise<void> {
    for (const day of everyDay(from, to)) {
      clock.set(londonMorning(day));
      await Promise.all(instances.map((instance) => instance.runDue(clock.now())));
      await t.idle();
      for (const [who, person] of Object.entries(people))
        arrivals.push({ day, who, count: roundCards(person).length });
    }
  }
  /** Cards the bot sent to a person's chat on its own (not answers to what they typed). */
  const sentTo = (person: TestPerson) =>
    t.connector
      .messagesIn(t.connector.personalConversationOf(person))
      .filter((d) => !answers.has(d))
      .flatMap(cardsOf);
  /** Update forms: one action's inputs and its Submit button. */
  const forms = (person: TestPerson) =>
    sentTo(person).filter((card) => findObjects(card, (o) => o.verb === "submitUpdate").length > 0);
  /** What a form is for, as its Submit button says. */
  const formTarget = (card: CardJson) =>
    findObjects(card, (o) => o.verb === "submitUpdate")[0]?.data as Record<string, unknown>;
  /** Reminder cards: a row per action, each with its "Update CSC-nn" button. */
  const reminders = (person: TestPerson) =>
    sentTo(person).filter(
      (card) =>
        findObjects(card, (o) => o.verb === "editUpdate" && String(o.title).startsWith("Update "))
          .length > 0,
    );
  const dmtLists = (person: TestPerson) =>
    sentTo(person).filter((card) => cardText(card).includes("two working days to go"));
  const roundCards = (person: TestPerson) => [
    ...forms(person),
    ...reminders(person),
    ...dmtLists(person),
  ];
  /** The days on which a round card reached `who`. */
  const daysWithNews = (who: string) =>
    arrivals
      .filter(
        (a, i, all) =>
          a.who === who && a.count > (all.slice(0, i).findLast((b) => b.who === who)?.count ?? 0),
      )
      .map((a) => a.day);

  // Without the Christmas bank holidays T-14 working days would be 11 December.
  it("opens on 9 December: each lead gets one form per action they owe, with its Ref, though two instances run", async () => {
    await liveThrough("2026-11-30", ROUND_DAYS.open);
    for (const key of ["hana", "ira", "tom"] as const) {
      const theirs = forms(people[key]);
      // Exactly their actions, each once (the two instances and the app share one outbox).
      expect(theirs.map((card) => String(formTarget(card).ref)).sort()).toEqual(LEADS[key].refs);
      for (const card of theirs) {
        const ref = String(formTarget(card).ref);
        expect(cardText(card)).toContain(`Update ${ref} for October to December 2026`);
        expect(formTarget(card)).toMatchObject({ quarter: "2026-Q3", revision: 0 });
      }
      expect(reminders(people[key])).toEqual([]);
      expect(daysWithNews(key)).toEqual([ROUND_DAYS.open]);
    }
    expect(daysWithNews("dmt")).toEqual([]);
  });

  it("sends nothing twice when DMT says `start review` again", async () => {
    const before = connector.delivered.length;
    await t.say(people.dmt, "start review");
    await t.idle();
    const replies = connector.delivered.slice(before);
    expect(replies).toHaveLength(1);
    expect(cardText(replies[0]?.activity.attachments?.[0]?.content)).toContain("already open");
  });

  it("takes a lead's progress and Red from the form they were sent, and answers with a read-only card", async () => {
    const form = forms(people.hana).find((card) => formTarget(card).ref === "CSC-01");
    if (!form) throw new Error("Hana has no form for CSC-01");
    expect(cardText(form)).toContain("Update CSC-01");
    // Reopened later (another device, after a submit elsewhere), the card asks for its current state.
    expect(form.refresh).toMatchObject({
      action: { verb: "refreshUpdate" },
      userIds: [people.hana.id],
    });
    const sent = await t.press(people.hana, "submitUpdate", {
      ...formTarget(form),
      progress: "Guidance agreed with police and health.",
      proposedRag: "Red",
    });
    expect(cardText(sent.card)).toContain("Submitted, awaiting sign-off");
    const reopened = await t.press(people.hana, "refreshUpdate", {
      ref: "CSC-01",
      quarter: "2026-Q3",
    });
    expect(cardText(reopened.card)).toContain("Guidance agreed with police and health.");
    expect(
      findObjects(sent.card, (o) => typeof o.type === "string" && o.type.startsWith("Input.")),
    ).toEqual([]);
    const status = await runCliHere(["review", "status", "--json"], { DATA_DIR: dataDir });
    expect(JSON.parse(status.stdout).awaitingSignOff).toMatchObject([
      { ref: "CSC-01", proposedRag: "Red", submittedBy: "Hana Osei" },
    ]);
  });

  it("answers a submit with empty progress with the form, text kept and the problem named", async () => {
    const pressed = await t.press(people.hana, "submitUpdate", {
      ref: "CSC-02",
      quarter: "2026-Q3",
      revision: 0,
      progress: "",
      proposedRag: "Amber",
      revisedDate: "2027-03-31",
      revisedDateReason: "New practice standards launch in March",
    });
    expect(cardText(pressed.card)).toContain("Progress");
    expect(cardText(pressed.card)).toContain("can't be empty");
    expect(cardText(pressed.card)).toContain("New practice standards launch in March");
  });

  it("refuses a submit from someone who does not lead the action", async () => {
    const pressed = await t.press(people.ira, "submitUpdate", {
      ref: "CSC-02",
      quarter: "2026-Q3",
      revision: 0,
      progress: "Not mine",
      proposedRag: "Green",
    });
    expect(cardText(pressed.card)).toContain("Only the lead for CSC-02");
    expect(await t.store.updates.get("2026-Q3", "CSC-02", "default")).toBeNull();
  });

  it("stores one update when Submit is pressed twice", async () => {
    const data = {
      ref: "CSC-02",
      quarter: "2026-Q3",
      revision: 0,
      progress: "Plans rewritten for children.",
      proposedRag: "Amber",
    };
    const both = await Promise.all([
      t.press(people.hana, "submitUpdate", data),
      t.press(people.hana, "submitUpdate", data),
    ]);
    for (const pressed of both)
      expect(cardText(pressed.card)).toContain("Submitted, awaiting sign-off");
    expect(
      (await t.store.updates.forQuarter("2026-Q3")).map((u) => [u.ref, u.revision]).sort(),
    ).toEqual([
      ["CSC-01", 1],
      ["CSC-02", 1],
    ]);
  });

  it("answers `my actions` with a card per open action, and `who hasn't updated?` for DMT", async () => {
    const replies = async (person: TestPerson, text: string) => {
      const before = t.connector.messagesIn(t.connector.personalConversationOf(person)).length;
      await t.say(person, text);
      const answered = t.connector
        .messagesIn(t.connector.personalConversationOf(person))
        .slice(before);
      for (const d of answered) answers.add(d);
      return answered.map((d) => cardText(d.activity.attachments?.[0]?.content));
    };
    const mine = await replies(people.hana, "my actions");
    expect(mine.map((text) => refsIn(text)[0])).toEqual(LEADS.hana.refs);
    expect(mine[0]).toContain("Submitted, awaiting sign-off");
    expect(mine[2]).toContain("Submit update");
    const [status] = await replies(people.dmt, "Who hasn't updated?");
    expect(status).toContain("Hana Osei: CSC-03, CSC-07, CSC-11");
    expect(status).toContain("Ira Roberts: CSC-04, CSC-05");
    expect(status).toContain("LADO/HoS (no lead in the directory): CSC-19");
    const [refused] = await replies(people.tom, "start review");
    expect(refused).toContain("Only DMT members and admins can start a review");
  });

  it("after a restart across the chaser's day, chases once, only what is still owed", async () => {
    for (const ref of ["CSC-03", "CSC-07", "CSC-11"]) {
      await t.press(people.hana, "submitUpdate", {
        ref,
        quarter: "2026-Q3",
        revision: 0,
        progress: `Progress on ${ref}.`,
        proposedRag: "Red",
      });
    }
    await liveThrough("2026-12-10", "2026-12-17");
    await stop();
    // Down over Friday 18 December, the chaser's day; back on Monday 21st at 10:00.
    clock.set(londonMorning("2026-12-21", "10:00"));
    await start();
    await connector.waitFor(
      () => reminders(people.ira).length === 1 && reminders(people.tom).length === 1,
      20_000,
      "the chasers",
    );
    await liveThrough("2026-12-21", "2026-12-24");
    // Hana owes nothing, so is not chased; nobody's opening forms came again.
    expect(reminders(people.hana)).toEqual([]);
    expect(reminders(people.ira)).toHaveLength(1);
    expect(refsIn(cardText(reminders(people.ira)[0]))).toEqual(LEADS.ira.refs);
    expect(refsIn(cardText(reminders(people.tom)[0]))).toEqual(LEADS.tom.refs);
    expect(cardText(reminders(people.tom)[0])).toContain("Reminder");
    for (const key of ["hana", "ira", "tom"] as const)
      expect(forms(people[key])).toHaveLength(LEADS[key].refs.length);
  });

  it("sends the last chaser and DMT's list on 29 December, after the Christmas bank holidays", async () => {
    await liveThrough("2026-12-25", "2027-01-05");
    expect(daysWithNews("dmt")).toEqual([ROUND_DAYS.final]);
    // The chaser came on the morning the restarted app caught up, and only then.
    expect(daysWithNews("ira")).toEqual([ROUND_DAYS.open, "2026-12-21", ROUND_DAYS.final]);
    expect(daysWithNews("hana")).toEqual([ROUND_DAYS.open]);
    const dmtCards = dmtLists(people.dmt);
    expect(dmtCards).toHaveLength(1);
    const text = cardText(dmtCards[0]);
    expect(text).toContain("Ira Roberts: CSC-04, CSC-05");
    expect(text).toContain("Tom Mensah: CSC-09, CSC-12, CSC-15, CSC-17, CSC-18");
    expect(text).not.toContain("Hana Osei:");
    expect(reminders(people.tom)).toHaveLength(2);
    expect(cardText(reminders(people.tom)[1])).toContain("Last reminder");
  });

  it("sends the form below when a lead presses Update on their last reminder, and keeps the list", async () => {
    const list = reminders(people.tom)[1];
    const button = findObjects(list, (o) => o.title === "Update CSC-15")[0];
    if (!list || !button) throw new Error("Tom's last reminder has no Update CSC-15 button");
    const before = forms(people.tom).length;
    const answer = await t.press(people.tom, "editUpdate", button.data as Record<string, unknown>);
    const text = cardText(answer.card);
    expect(text).toContain("Last reminder: 5 updates still needed");
    expect(text).toContain("Form sent below");
    expect(findObjects(answer.card, (o) => o.title === "Update CSC-15")).toEqual([]);
    expect(findObjects(answer.card, (o) => o.title === "Update CSC-17")).toHaveLength(1);
    await t.idle();
    const arrived = forms(people.tom).slice(before);
    expect(arrived.map((card) => formTarget(card).ref)).toEqual(["CSC-15"]);
    // Pressed again (a double tap, or the old copy of the list): no second form.
    await t.press(people.tom, "editUpdate", button.data as Record<string, unknown>);
    await t.idle();
    expect(forms(people.tom).slice(before)).toHaveLength(1);
  });
});
