import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  actionRef,
  largePlanAction,
  type SeededPerson,
  seedLargePlan,
} from "../../bench/large-plan.ts";
import { ManualClock } from "../../src/clock.ts";
import { everyDay } from "../integration/review/quarter-fixture.ts";
import { londonMorning } from "../integration/review/review-store.ts";
import { cardText, StandInConnector } from "../support/stand-in-connector.ts";
import { startTestApp, type TestApp, waitUntil } from "../support/start-test-app.ts";
import { type SharedStore, startSharedStore } from "./support/shared-store.ts";

/**
 * Three server instances on one store live through the 2026-Q3 review, day by day from 30 November
 * to 8 January: each instance's daily run fires every working morning, all three senders drain the
 * one outbox, and leads and DMT press their buttons on whichever instance Teams reaches. Every
 * reminder, form, decision notice and summary must reach its person exactly once.
 */
const SIZE = { actions: 40, leads: 8, dmt: 2 };
const QUARTER = "2026-Q3";
const ROUND_DAYS = { open: "2026-12-09", chase: "2026-12-18", final: "2026-12-29" };

describe("three instances on one store for a whole quarter", () => {
  const clock = new ManualClock(londonMorning("2026-11-30", "08:00"));
  let connector: StandInConnector;
  let shared: SharedStore;
  let apps: TestApp[] = [];
  let leads: SeededPerson[];
  let dmt: SeededPerson[];
  /** Index into the stand-in's deliveries at the start of each day. */
  const dayStarts = new Map<string, number>();

  beforeAll(async () => {
    connector = await StandInConnector.start();
    shared = await startSharedStore();
    for (let i = 0; i < 3; i++) {
      // A short heartbeat: each instance joining the send budget waits one before it is ready.
      const env = { ...shared.env, INSTANCE_HEARTBEAT_SECONDS: "0.5" };
      apps.push(await startTestApp({ connector, clock, skipSamplePlan: true, env }));
    }
    ({ leads, dmt } = await seedLargePlan((apps[0] as TestApp).store, connector, SIZE));
  });
  afterAll(async () => {
    for (const app of apps) await app.close();
    apps = [];
    await shared?.close();
    await connector?.close();
  });

  /** Some instance Teams happens to reach. */
  const someApp = (n: number) => apps[n % apps.length] as TestApp;
  const allIdle = async () => {
    await waitUntil(
      async () => (await someApp(0).store.outbox.countOpen()) === 0,
      60_000,
      "the outbox to empty",
    );
    for (const app of apps) await app.app.messenger.idle();
  };

  async function liveThrough(from: string, to: string, during?: (day: string) => Promise<void>) {
    for (const day of everyDay(from, to)) {
      dayStarts.set(day, connector.delivered.length);
      clock.set(londonMorning(day));
      const runs = await Promise.all(apps.map((app) => app.app.scheduler.runDue(clock.now())));
      expect(runs.filter((run) => run.ran).length).toBeLessThanOrEqual(1);
      await allIdle();
      await during?.(day);
      await allIdle();
    }
  }

  /** What reached this person's chat during `day` (from its daily run until the next day's). */
  const sendsOn = (day: string, to: SeededPerson) => {
    const days = [...dayStarts.keys()];
    const start = dayStarts.get(day) ?? 0;
    const next = days[days.indexOf(day) + 1];
    const end = next === undefined ? connector.delivered.length : (dayStarts.get(next) as number);
    const chat = connector.personalConversationOf(to);
    return connector.delivered
      .slice(start, end)
      .filter((d) => d.kind === "send" && d.conversationId === chat);
  };
  const leadActions = (lead: number) =>
    Array.from({ length: SIZE.actions }, (_, n) => n).filter((n) => n % SIZE.leads === lead);
  const submit = (lead: number, n: number, revision: number) =>
    someApp(n).press(leads[lead] as SeededPerson, "submitUpdate", {
      ref: actionRef(n),
      quarter: QUARTER,
      revision,
      progress: `Progress on ${largePlanAction(n, SIZE.leads).ref}, revision ${revision + 1}.`,
      proposedRag: "Amber",
    });

  it("sends every round, form, decision and summary once", async ({ task }) => {
    const busyLeads = [0, 1, 2, 3];
    await liveThrough("2026-11-30", "2027-01-08", async (day) => {
      if (day === "2026-12-10") {
        // Half the leads send all their updates, through whichever instance.
        for (const lead of busyLeads)
          for (const n of leadActions(lead)) {
            expect(cardText((await submit(lead, n, 0)).card)).toContain("Submitted");
          }
      }
      if (day === "2026-12-11") {
        // DMT approve most and return one per lead; both DMT members press some at the same time.
        for (const lead of busyLeads) {
          const [first, ...rest] = leadActions(lead);
          const data = { ref: actionRef(first as number), quarter: QUARTER, revision: 1 };
          await someApp(lead).press(dmt[0] as SeededPerson, "returnUpdate", {
            ...data,
            comment: "Please add the audit figures.",
          });
          for (const n of rest) {
            const approve = { ref: actionRef(n), quarter: QUARTER, revision: 1, comment: "" };
            await Promise.all(
              dmt.map((member, i) => someApp(n + i).press(member, "approveUpdate", approve)),
            );
          }
        }
      }
      if (day === "2026-12-14") {
        for (const lead of busyLeads) await submit(lead, leadActions(lead)[0] as number, 1);
      }
    });

    // Every message in Teams is different from every other in the same chat.
    const seen = new Map<string, number>();
    for (const d of connector.delivered.filter((x) => x.kind === "send")) {
      const key = `${d.conversationId} ${JSON.stringify(d.activity.attachments)}`;
      seen.set(key, (seen.get(key) ?? 0) + 1);
    }
    const duplicates = [...seen.values()].reduce((sum, n) => sum + n - 1, 0);
    // Every queued message was delivered, once each.
    const { resources: states } = await someApp(0)
      .store.containers.outbox.items.query<{ state: string }>("SELECT c.state FROM c")
      .fetchAll();
    const sends = connector.delivered.filter((d) => d.kind === "send").length;
    task.meta.fault = {
      messages: sends,
      duplicates,
      lost: states.filter((s) => s.state !== "sent").length,
      note: `${states.length} messages queued by three instances over 40 days`,
    };
    expect(duplicates).toBe(0);
    expect(states.filter((s) => s.state !== "sent")).toEqual([]);
    expect(sends).toBe(states.length);

    // The rounds, each once: a form per action at the opening, one chaser and one final reminder
    // to each lead who still owed updates, DMT's list of who owes on the final day.
    for (let lead = 0; lead < SIZE.leads; lead++) {
      const person = leads[lead] as SeededPerson;
      const owes = !busyLeads.includes(lead);
      expect(sendsOn(ROUND_DAYS.open, person)).toHaveLength(leadActions(lead).length);
      expect(sendsOn(ROUND_DAYS.chase, person)).toHaveLength(owes ? 1 : 0);
      expect(sendsOn(ROUND_DAYS.final, person)).toHaveLength(owes ? 1 : 0);
    }
    // DMT: the list of who still owes, once on the final day; a reminder of updates waiting for a
    // decision at most once a day; the quarter's summary once.
    const texts = (person: SeededPerson, day?: string) =>
      (day ? sendsOn(day, person) : connector.delivered.filter((d) => d.kind === "send"))
        .filter((d) => d.conversationId === connector.personalConversationOf(person))
        .map((d) => cardText(d.activity.attachments?.[0]?.content));
    for (const member of dmt) {
      const owedLists = texts(member).filter((t) => t.includes("two working days to go"));
      expect(owedLists).toHaveLength(1);
      expect(
        texts(member, ROUND_DAYS.final).filter((t) => t.includes("two working days to go")),
      ).toHaveLength(1);
      for (const day of dayStarts.keys()) {
        const reminders = texts(member, day).filter((t) =>
          /waited more than \d+ working days? for a decision/.test(t),
        );
        expect(reminders.length).toBeLessThanOrEqual(1);
      }
      expect(
        texts(member).filter((t) => t.includes("Plan summary: October to December 2026")),
      ).toHaveLength(1);
    }
  });
});
