import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actionRef, type SeededPerson, seedLargePlan } from "../../../bench/large-plan.ts";
import { ManualClock } from "../../../src/clock.ts";
import { cardText, StandInConnector } from "../../support/stand-in-connector.ts";
import { startTestApp, type TestApp } from "../../support/start-test-app.ts";

/**
 * Two DMT members press Approve on the same update at the same moment, for 100 updates in
 * `npm run test:faults` (30 in `npm test`): each time exactly one decision is recorded, the other
 * press is told who decided, and the lead is told once.
 */
const UPDATES = process.env.FAULTS_FULL ? 100 : 15;
const SIZE = { actions: UPDATES, leads: 20, dmt: 2 };
const QUARTER = "2026-Q3";

describe(`two DMT members approving the same update at once, ${UPDATES} times`, () => {
  let connector: StandInConnector;
  let t: TestApp;
  let leads: SeededPerson[];
  let dmt: SeededPerson[];

  beforeAll(async () => {
    connector = await StandInConnector.start();
    t = await startTestApp({
      connector,
      clock: new ManualClock(new Date("2026-12-15T10:00:00Z")),
      skipSamplePlan: true,
    });
    ({ leads, dmt } = await seedLargePlan(t.store, connector, SIZE));
    for (let n = 0; n < UPDATES; n++) {
      const pressed = await t.press(leads[n % SIZE.leads] as SeededPerson, "submitUpdate", {
        ref: actionRef(n),
        quarter: QUARTER,
        revision: 0,
        progress: `Strand ${n}: audits complete.`,
        proposedRag: "Green",
      });
      expect(cardText(pressed.card)).toContain("Submitted, awaiting sign-off");
    }
  });
  afterAll(async () => {
    await t?.close();
    await connector?.close();
  });

  it("records one decision each time and tells the other member who made it", {
    timeout: 120_000,
  }, async ({ task }) => {
    let doubleDecisions = 0;
    let missingDecisions = 0;
    // Problems are gathered, not thrown, so the counters below are complete when reported.
    const problems: string[] = [];
    for (let n = 0; n < UPDATES; n++) {
      const ref = actionRef(n);
      const data = { ref, quarter: QUARTER, revision: 1, comment: "" };
      const answers = await Promise.all(
        dmt.map((member) => t.press(member, "approveUpdate", data).then((a) => cardText(a.card))),
      );
      const stored = (await t.store.updates.get(QUARTER, ref, "default"))?.doc;
      const decider = stored?.decision?.byName;
      const approvals = (await t.store.audit.history(`update:${QUARTER}:${ref}`)).filter((entry) =>
        entry.summary.includes("approved by"),
      );
      if (approvals.length > 1) doubleDecisions += approvals.length - 1;
      if (approvals.length === 0) missingDecisions += 1;
      if (stored?.state !== "approved") problems.push(`${ref}: stored as ${stored?.state}`);
      const toldWhoDecided = answers.filter((text) =>
        text.includes(`Already approved by ${decider}`),
      ).length;
      if (toldWhoDecided !== 1) problems.push(`${ref}: ${toldWhoDecided} presses told who decided`);
      if (!answers.every((text) => text.includes(`Approved by ${decider}`)))
        problems.push(`${ref}: a card does not show "Approved by ${decider}"`);
    }
    // The lead hears each outcome once: one message queued per decided update.
    const { resources: outcomes } = await t.store.containers.outbox.items
      .query<{ key: string }>('SELECT c.key FROM c WHERE STARTSWITH(c.key, "outcome:")')
      .fetchAll();
    task.meta.fault = {
      messages: UPDATES,
      duplicates: doubleDecisions,
      lost: missingDecisions,
      note: "decisions, not messages",
    };
    expect({ doubleDecisions, missingDecisions, problems }).toEqual({
      doubleDecisions: 0,
      missingDecisions: 0,
      problems: [],
    });
    expect(outcomes.map((o) => o.key).sort()).toEqual(
      Array.from({ length: UPDATES }, (_, n) => `outcome:${QUARTER}:${actionRef(n)}:1`).sort(),
    );
  });
});
