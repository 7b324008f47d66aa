import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actionRef, type SeededPerson } from "../../bench/large-plan.ts";
import { STORE_DOWN_BANNER } from "../../src/review/submit-update.ts";
import { cardText, StandInConnector } from "../support/stand-in-connector.ts";
import type { TestApp } from "../support/start-test-app.ts";
import { findObjects } from "../support/validate-card.ts";
import { recordOf } from "./support/fault-record.ts";
import { type RoundPlan, startRoundApp } from "./support/round-world.ts";
import { type SharedStore, startSharedStore } from "./support/shared-store.ts";

/**
 * The store stops answering for 20 seconds in the middle of a review's opening round (1,000 forms
 * at the 50-a-second cap), at the worst moment: just as Teams accepted a form and before the
 * outbox could record it. Health says so, a lead's Submit gets "couldn't save, press again" with
 * their words still in the form, and once the store is back the round finishes with every form
 * delivered exactly once.
 */
const SIZE = { actions: 1_000, leads: 100 };
const OUTAGE_MS = 20_000;

describe("the store stopped for 20 seconds mid-round", () => {
  let connector: StandInConnector;
  let shared: SharedStore;
  let t: TestApp;
  let plan: RoundPlan;

  beforeAll(async () => {
    connector = await StandInConnector.start();
    shared = await startSharedStore();
    ({ t, plan } = await startRoundApp(connector, SIZE, {
      ...shared.env,
      SEND_RATE_PER_SECOND: "50",
    }));
  });
  afterAll(async () => {
    await t?.close();
    await shared?.close();
    await connector?.close();
  });

  const health = async () => (await fetch(`http://127.0.0.1:${t.app.port}/healthz`)).status;
  const lead = () => plan.leads[0] as SeededPerson;
  const typed = "Audits finished in all four teams; the findings went to the practice forum.";
  const submit = () =>
    t.press(lead(), "submitUpdate", {
      ref: actionRef(0),
      quarter: "2026-Q3",
      revision: 0,
      progress: typed,
      proposedRag: "Amber",
    });

  it("answers 503 on /healthz, keeps a lead's words, and resumes the round without loss or repeat", async ({
    task,
  }) => {
    let stoppedAt = 0;
    // Stopped from inside the stand-in, right after it answered a send: that form is in Teams
    // but the sender has not yet been able to write down that it was sent.
    const outage = connector
      .waitFor(() => {
        if (plan.formsArrived() < 300) return false;
        stoppedAt = performance.now();
        void shared.cosmos.suspend();
        return true;
      }, 120_000)
      .then(() => new Promise((resolve) => setTimeout(resolve, OUTAGE_MS)))
      .then(() => shared.cosmos.resume());

    expect((await t.say(plan.dmt[0] as SeededPerson, "start review")).status).toBe(200);
    await connector.waitFor(() => stoppedAt > 0, 120_000, "the outage to start");

    expect(await health()).toBe(503);
    const during = await submit();
    expect(during.status).toBe(200);
    const shown = cardText(during.card);
    expect(shown).toContain(STORE_DOWN_BANNER);
    const progressInput = findObjects(during.card, (o) => o.id === "progress")[0];
    expect(progressInput?.value).toBe(typed);
    const formsDuringOutage = plan.formsArrived();

    await outage;
    expect(performance.now() - stoppedAt).toBeGreaterThanOrEqual(OUTAGE_MS);
    expect(await health()).toBe(200);
    await connector.waitFor(() => plan.formsArrived() >= SIZE.actions, 300_000, "every form");
    await t.idle(120_000);

    const tally = plan.tally();
    task.meta.fault = recordOf(
      tally,
      `${formsDuringOutage - 300} forms went out during the outage`,
    );
    expect(tally).toMatchObject({ delivered: SIZE.actions, duplicates: 0, lost: 0, unexpected: 0 });
    expect(await t.app.messenger.failedDeliveries()).toEqual([]);

    // Nothing half-saved: the lead presses Submit again and the update is stored once.
    expect(await t.store.updates.get("2026-Q3", actionRef(0), "default")).toBeNull();
    expect(cardText((await submit()).card)).toContain("Submitted, awaiting sign-off");
    expect((await t.store.updates.get("2026-Q3", actionRef(0), "default"))?.doc.progress).toBe(
      typed,
    );
  });
});
