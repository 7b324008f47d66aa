import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ManualClock } from "../../../src/clock.ts";
import { DEFAULT_PLAN_ID, type Plan } from "../../../src/domain/plan.ts";
import type { Update } from "../../../src/domain/update.ts";
import { silentLogger } from "../../../src/logger.ts";
import { QuestionIndex } from "../../../src/query/question-index.ts";
import { openTempStore } from "../../support/temp-store.ts";
import { planAction } from "./answer-reading.ts";

const SETUP = { id: "test", name: "Test setup" };
const FIRST: Plan = { id: DEFAULT_PLAN_ID, name: "Children's Plan", priorities: [] };
const SECOND: Plan = { id: "send-plan", name: "SEND Plan", priorities: [] };

const update: Update = {
  id: "2026-Q2:1.1",
  quarter: "2026-Q2",
  ref: "1.1",
  progress: "Under way.",
  proposedRag: "Amber",
  ragJustification: "",
  revisedDate: null,
  revisedDateReason: "",
  evidenceUrl: "",
  proposeCompletion: false,
  author: "lead@council.gov.uk",
  authorName: "A Lead",
  state: "submitted",
  submittedAt: "2026-11-23T10:00:00.000Z",
  revision: 0,
  previousRag: "Red",
  decision: null,
};

/**
 * With several plans the parser's words are every plan's merged. An update changes no words, so
 * the next question must find the same merged words (and the parser's look-ups built from them),
 * not a copy that makes it build them all again.
 */
describe("the question index with several plans", () => {
  const clock = new ManualClock(new Date("2026-11-23T10:00:00Z"));
  let temp: Awaited<ReturnType<typeof openTempStore>>;
  let index: QuestionIndex;

  beforeAll(async () => {
    temp = await openTempStore(clock);
    for (const plan of [FIRST, SECOND]) await temp.store.plans.save(plan, SETUP, null);
    for (const plan of [FIRST, SECOND]) {
      await temp.store.actions.save(
        { ...planAction("1.1", [1], "Red", "HoS"), planId: plan.id },
        SETUP,
        null,
      );
    }
    index = new QuestionIndex({ store: temp.store, clock, logger: silentLogger });
  });
  afterAll(async () => {
    index?.close();
    await temp?.close();
  });

  it("keeps the merged words across a write that changes no words, and renews them when one does", async () => {
    const before = await index.current();
    await temp.store.updates.create(update, SETUP);
    clock.advance(60_000);
    const after = await index.current();
    expect(after).not.toBe(before);
    expect(after.updates).toHaveLength(1);
    expect(after.vocabulary).toBe(before.vocabulary);

    await temp.store.actions.save(
      { ...planAction("1.2", [1], "Red", "IRO"), planId: SECOND.id },
      SETUP,
      null,
    );
    clock.advance(60_000);
    const renamed = await index.current();
    expect(renamed.vocabulary).not.toBe(before.vocabulary);
    expect(renamed.vocabulary.leads).toContain("IRO");
  });
});
