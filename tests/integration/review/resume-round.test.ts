import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { seedLargePlan } from "../../../bench/large-plan.ts";
import { ManualClock } from "../../../src/clock.ts";
import { todayIn } from "../../../src/domain/calendar.ts";
import { assignToLeads } from "../../../src/domain/lead-assignment.ts";
import { DEFAULT_PLAN_ID } from "../../../src/domain/plan.ts";
import { queueOnlyMessenger } from "../../../src/outbox/outbox-messenger.ts";
import { sendOpeningForms } from "../../../src/review/opening-forms.ts";
import {
  changeReview,
  readReview,
  upcomingReviewQuarter,
} from "../../../src/review/review-records.ts";
import { BEFORE_THE_REVIEW, roundPlan } from "../../faults/support/round-world.ts";
import { StandInConnector } from "../../support/stand-in-connector.ts";
import { startTestApp, type TestApp } from "../../support/start-test-app.ts";

/**
 * `start review` on a large plan queues the round in the background; a kill part way leaves some
 * forms queued and the rest not. The store is set up as such a kill leaves it (the review noting
 * its opening round as being queued, a third of the forms in the outbox, nothing sent), then the
 * server starts on it: it must finish queueing, and every form must arrive once.
 */
const SIZE = { actions: 60, leads: 6 };

describe("a round whose queueing a stopped server cut short", () => {
  let connector: StandInConnector | null = null;
  let app: TestApp | null = null;
  let dataDir: string | null = null;
  afterAll(async () => {
    await app?.close();
    await connector?.close();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it("is finished by the next start: every form once, the round recorded", async () => {
    connector = await StandInConnector.start();
    const clock = new ManualClock(BEFORE_THE_REVIEW);
    dataDir = await mkdtemp(join(tmpdir(), "plan-tracker-resume-"));
    const first = await startTestApp({ connector, clock, dataDir, skipSamplePlan: true });
    await first.app.scheduler.caughtUp; // its own start-up work is done before the scene is set
    const people = await seedLargePlan(first.store, connector, SIZE);
    const plan = roundPlan(connector, SIZE, people);
    // This process sends nothing from here: as when it is killed.
    await first.app.messenger.stop();

    const config = first.app.config;
    const today = todayIn(config.REVIEW_TIMEZONE, clock.now());
    const quarter = await upcomingReviewQuarter(first.store, today);
    const { reviewDate } = await readReview(first.store, quarter);
    await changeReview(first.store, quarter, (review) => ({
      ...review,
      queueing: { round: "open", covers: ["open"] },
    }));
    const { byPerson } = assignToLeads(
      await first.store.actions.list(DEFAULT_PLAN_ID),
      await first.store.people.list(),
    );
    const someLeads = [...byPerson.values()].slice(0, 2);
    const queuedBefore = await sendOpeningForms(
      { store: first.store, messenger: queueOnlyMessenger(first.store, clock), config },
      quarter,
      reviewDate,
      today,
      someLeads,
      [],
    );
    expect(queuedBefore).toBe(20);
    await first.close();
    expect(plan.formsArrived()).toBe(0);

    app = await startTestApp({ connector, clock, dataDir, skipSamplePlan: true });
    await connector.waitFor(() => plan.formsArrived() >= SIZE.actions, 20_000, "every form");
    await app.idle();

    expect(plan.tally()).toMatchObject({
      delivered: SIZE.actions,
      duplicates: 0,
      lost: 0,
      unexpected: 0,
    });
    const review = await readReview(app.store, quarter);
    expect(review).toMatchObject({ state: "open", roundsSent: ["open"], queueing: null });
  });
});
