import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ManualClock } from "../../../src/clock.ts";
import type { Person } from "../../../src/domain/person.ts";
import { DEFAULT_PLAN_ID, SAMPLE_PLAN } from "../../../src/domain/plan.ts";
import type { Update } from "../../../src/domain/update.ts";
import { importPlanFile } from "../../../src/import/import-plan.ts";
import { SAMPLE_PLAN_PATH } from "../../../src/import/load-sample.ts";
import { silentLogger } from "../../../src/logger.ts";
import type { Feature } from "../../../src/messaging.ts";
import { createReviewFeature } from "../../../src/review/review-feature.ts";
import { createDailyRunner, type DailyRunner } from "../../../src/scheduler/daily-runner.ts";
import type { OutboxItem } from "../../../src/store/outbox-repo.ts";
import type { Store } from "../../../src/store/store.ts";
import { anUpdate } from "../../support/builders.ts";
import { buttonPresser } from "../../support/press-button.ts";
import { cardText } from "../../support/stand-in-connector.ts";
import { findObjects } from "../../support/validate-card.ts";
import { dmtPerson, everyDay, LEADS, leadPerson, ROUND_DAYS, refsIn } from "./quarter-fixture.ts";
import { addPeople, londonMorning, openTempStore, queueingDeps, SETUP } from "./review-store.ts";

const PREVIOUS_QUARTER_PROGRESS =
  "Supervision audit completed; findings shared with team managers.";

/** CSC-04's 2026-Q2 update, approved by DMT: the 2026-Q3 form shows it. */
function approvedLastQuarter(ref: string, author: Person): Update {
  return anUpdate({
    quarter: "2026-Q2",
    ref,
    progress: PREVIOUS_QUARTER_PROGRESS,
    proposedRag: "Amber",
    author: author.id,
    authorName: author.name,
    state: "approved",
    submittedAt: "2026-09-20T10:00:00.000Z",
    decision: {
      outcome: "approved",
      by: dmtPerson.id,
      byName: dmtPerson.name,
      at: "2026-09-28T14:00:00.000Z",
      comment: "",
    },
  });
}

/**
 * The 2026-Q3 review below the HTTP layer: the daily job on a moved clock, queueing into the real
 * outbox (what the server's sender delivers), and the update form's Submit handled by the feature.
 */
describe("a quarter's reminder rounds", () => {
  const clock = new ManualClock(londonMorning("2026-11-30"));
  let store: Store;
  let close: () => Promise<void>;
  let runner: DailyRunner;
  let feature: Feature;
  const submitted: Update[] = [];
  const [hana, ira, tom] = [leadPerson(LEADS.hana), leadPerson(LEADS.ira), leadPerson(LEADS.tom)];

  beforeAll(async () => {
    ({ store, close } = await openTempStore(clock));
    await importPlanFile(store, SAMPLE_PLAN, SAMPLE_PLAN_PATH, { dryRun: false, actor: SETUP });
    // One finished action and one DMT has signed off: neither is ever prompted.
    for (const [ref, change] of [
      ["CSC-11", { complete: true }],
      ["CSC-12", { signedOff: true }],
    ] as const) {
      const found = await store.actions.get(ref, DEFAULT_PLAN_ID);
      if (found) await store.actions.save({ ...found.doc, ...change }, SETUP, found.doc);
    }
    await addPeople(store, [hana, ira, tom, dmtPerson]);
    await store.updates.create(approvedLastQuarter("CSC-04", ira), SETUP);
    const deps = queueingDeps(store, clock);
    const review = createReviewFeature(deps, {
      onSubmitted: async (update) => void submitted.push(update),
    });
    feature = review.feature;
    runner = createDailyRunner({
      store,
      logger: silentLogger,
      timeZone: "Europe/London",
      jobs: [review.daily],
    });
  });
  afterAll(() => close?.());

  async function outbox(): Promise<OutboxItem[]> {
    const { resources } = await store.outbox.container.items
      .query<OutboxItem>("SELECT * FROM c")
      .fetchAll();
    return resources.sort(
      (a, b) => a.queuedAt.localeCompare(b.queuedAt) || a.key.localeCompare(b.key),
    );
  }
  async function liveThrough(from: string, to: string): Promise<void> {
    for (const day of everyDay(from, to)) {
      clock.set(londonMorning(day));
      await runner.runDue(clock.now());
    }
  }
  const press = (person: Person, verb: string, data: Record<string, unknown>) =>
    buttonPresser([feature])(person, verb, data);

  /** What an update form's Submit button says it is for. */
  const formTarget = (card: unknown) =>
    findObjects(card, (o) => o.verb === "submitUpdate")[0]?.data as {
      ref: string;
      quarter: string;
      revision: number;
    };
  const byRefOf = (a: { ref: string }, b: { ref: string }) => a.ref.localeCompare(b.ref);
  const submit = (person: Person, ref: string, fields: Record<string, unknown> = {}) =>
    press(person, "submitUpdate", {
      ref,
      quarter: "2026-Q3",
      revision: 0,
      progress: `Progress on ${ref}.`,
      proposedRag: "Red",
      ...fields,
    });

  it("opens on 9 December: each lead gets one update form for each action they owe, and nothing else", async () => {
    await liveThrough("2026-11-30", ROUND_DAYS.open);
    const items = await outbox();
    const owed = {
      [LEADS.hana.email]: ["CSC-01", "CSC-02", "CSC-03", "CSC-07"],
      [LEADS.ira.email]: ["CSC-04", "CSC-05"],
      [LEADS.tom.email]: ["CSC-09", "CSC-15", "CSC-17", "CSC-18"],
    };
    // One message per owed action, keyed by quarter, action and lead, so it is never sent twice.
    expect(items.map((i) => i.key).sort()).toEqual(
      Object.entries(owed)
        .flatMap(([email, refs]) => refs.map((ref) => `review:2026-Q3:open:${ref}:${email}`))
        .sort(),
    );
    expect(new Set(items.map((i) => i.queuedAt.slice(0, 10)))).toEqual(new Set([ROUND_DAYS.open]));
    for (const [email, refs] of Object.entries(owed)) {
      const theirs = items.filter((i) => i.to === email);
      expect(theirs.map((i) => formTarget(i.card)).sort(byRefOf)).toEqual(
        refs.map((ref) => ({ ref, quarter: "2026-Q3", revision: 0 })),
      );
      for (const item of theirs) {
        const ref = formTarget(item.card).ref;
        expect(cardText(item.card)).toContain(`Update ${ref} for October to December 2026`);
        expect(item.summary).toContain(ref);
      }
    }
  });

  it("shows in each opening form where its lead left off: last quarter's approved update", async () => {
    const form = (await outbox()).find((i) => i.key.startsWith("review:2026-Q3:open:CSC-04:"));
    const text = cardText(form?.card);
    expect(text).toContain("Last approved update");
    expect(text).toContain(PREVIOUS_QUARTER_PROGRESS);
    const other = (await outbox()).find((i) => i.key.startsWith("review:2026-Q3:open:CSC-05:"));
    expect(cardText(other?.card)).toContain("No earlier update");
  });

  it("answers a submit with empty progress with the same form: text kept, the problem named", async () => {
    const card = await submit(hana, "CSC-01", {
      progress: "  ",
      revisedDate: "2027-03-31",
      revisedDateReason: "Waiting for the new IRO",
    });
    const text = cardText(card);
    expect(text).toContain("can't be empty");
    expect(text).toContain("Waiting for the new IRO");
    expect(text).toContain("2027-03-31");
    expect(await store.updates.get("2026-Q3", "CSC-01", "default")).toBeNull();
  });

  it("refuses a submit from someone who doesn't lead the action, whatever the card says", async () => {
    const card = await submit(ira, "CSC-01", { author: ira.id });
    expect(cardText(card)).toContain("Only the lead for CSC-01");
    expect(await store.updates.get("2026-Q3", "CSC-01", "default")).toBeNull();
  });

  it("stores one update when Submit is pressed twice at once", async () => {
    const [first, second] = await Promise.all([submit(hana, "CSC-01"), submit(hana, "CSC-01")]);
    for (const card of [first, second])
      expect(cardText(card)).toContain("Submitted, awaiting sign-off");
    const stored = await store.updates.forQuarter("2026-Q3");
    expect(stored.map((u) => [u.ref, u.revision])).toEqual([["CSC-01", 1]]);
    expect(submitted.map((u) => u.ref)).toEqual(["CSC-01"]);
  });

  it("chases on 18 December only the leads who still owe, for only what they owe", async () => {
    for (const ref of ["CSC-02", "CSC-03", "CSC-07"]) await submit(hana, ref);
    await submit(tom, "CSC-09");
    const before = (await outbox()).length;
    await liveThrough("2026-12-10", ROUND_DAYS.chase);
    const chasers = (await outbox()).slice(before);
    expect(chasers.map((i) => i.key).sort()).toEqual([
      `review:2026-Q3:chase:${LEADS.ira.email}`,
      `review:2026-Q3:chase:${LEADS.tom.email}`,
    ]);
    expect(new Set(chasers.map((i) => i.queuedAt.slice(0, 10)))).toEqual(
      new Set([ROUND_DAYS.chase]),
    );
    expect(refsIn(cardText(chasers.find((i) => i.to === LEADS.tom.email)?.card))).toEqual([
      "CSC-15",
      "CSC-17",
      "CSC-18",
    ]);
  });

  it("sends the last chaser on 29 December, and DMT the list of who still owes what", async () => {
    const before = (await outbox()).length;
    await liveThrough("2026-12-19", ROUND_DAYS.final);
    const final = (await outbox()).slice(before);
    expect(final.map((i) => i.key).sort()).toEqual([
      `review:2026-Q3:final:dmt:${dmtPerson.email}`,
      `review:2026-Q3:final:${LEADS.ira.email}`,
      `review:2026-Q3:final:${LEADS.tom.email}`,
    ]);
    const dmtText = cardText(final.find((i) => i.to === dmtPerson.email)?.card);
    expect(dmtText).toContain("Ira Roberts: CSC-04, CSC-05");
    expect(dmtText).toContain("Tom Mensah: CSC-15, CSC-17, CSC-18");
    expect(dmtText).toContain("LADO/HoS (no lead in the directory): CSC-19");
    expect(dmtText).not.toContain("Hana Osei:");
  });

  it("sends nothing more once the review date has passed", async () => {
    const before = (await outbox()).length;
    await liveThrough("2026-12-30", "2027-01-08");
    expect(await outbox()).toHaveLength(before);
  });
});
