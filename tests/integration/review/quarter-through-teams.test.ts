import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ManualClock } from "../../../src/clock.ts";
import type { RunningScheduler } from "../../../src/scheduler/scheduler.ts";
import { runCliHere, tempDataDir } from "../../support/run-cli.ts";
import { cardText, StandInConnector } from "../../support/stand-in-connector.ts";
import { startTestApp, type TestApp, type TestPerson } from "../../support/start-test-app.ts";
import { findObjects } from "../../support/validate-card.ts";
import { startAnotherInstance } from "./another-instance.ts";
import { DMT, everyDay, LEADS, refsIn, ROUND_DAYS } from "./quarter-fixture.ts";
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
  /** Round cards (reminders, DMT's list) each person had received after each day's run. */
  const arrivals: Array<{ day: string; who: string; count: number }> = [];

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
  /** Reminder cards: a row per action, each with its "Update CSC-nn" button. */
  const reminders = (person: TestPerson) =>
    t
      .cardsTo(person)
      .filter(
        (card) =>
          findObjects(card, (o) => o.verb === "editUpdate" && String(o.title).startsWith("Update "))
            .length > 0,
      );
  const dmtLists = (person: TestPerson) =>
    t.cardsTo(person).filter((card) => cardText(card).includes("two working days to go"));
  const roundCards = (person: TestPerson) => [...reminders(person), ...dmtLists(person)];
  /** The days on which a round card reached `who`. */
  const daysWithNews = (who: string) =>
    arrivals
      .filter(
        (a, i, all) =>
          a.who === who && a.count > (all.slice(0, i).findLast((b) => b.who === who)?.count ?? 0),
      )
      .map((a) => a.day);

  // Without the Christmas bank holidays T-14 working days would be 11 December.
  it("opens on 9 December: each lead gets one card with exactly their actions, though two instances run", async () => {
    await liveThrough("2026-11-30", ROUND_DAYS.open);
    for (const key of ["hana", "ira", "tom"] as const) {
      expect(reminders(people[key])).toHaveLength(1);
      expect(refsIn(cardText(reminders(people[key])[0]))).toEqual(LEADS[key].refs);
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

  it("gives a lead the form for an action from the reminder, and a read-only card once sent", async () => {
    const form = (await t.press(people.hana, "editUpdate", { ref: "CSC-01", quarter: "2026-Q3" }))
      .card;
    expect(cardText(form)).toContain("Update CSC-01");
    // Reopened later (another device, after a submit elsewhere), the card asks for its current state.
    expect(form.refresh).toMatchObject({
      action: { verb: "refreshUpdate" },
      userIds: [people.hana.id],
    });
    const submit = findObjects(form, (o) => o.verb === "submitUpdate")[0]?.data as Record<
      string,
      unknown
    >;
    const sent = await t.press(people.hana, "submitUpdate", {
      ...submit,
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
    expect(await t.store.updates.get("2026-Q3", "CSC-02")).toBeNull();
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
      return t.connector
        .messagesIn(t.connector.personalConversationOf(person))
        .slice(before)
        .map((d) => cardText(d.activity.attachments?.[0]?.content));
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
      () => reminders(people.ira).length === 2 && reminders(people.tom).length === 2,
      20_000,
      "the chasers",
    );
    await liveThrough("2026-12-21", "2026-12-24");
    expect(reminders(people.hana)).toHaveLength(1);
    expect(reminders(people.ira)).toHaveLength(2);
    expect(refsIn(cardText(reminders(people.tom)[1]))).toEqual(LEADS.tom.refs);
    expect(cardText(reminders(people.tom)[1])).toContain("Reminder");
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
    expect(reminders(people.tom)).toHaveLength(3);
    expect(cardText(reminders(people.tom)[2])).toContain("Last reminder");
  });
});
