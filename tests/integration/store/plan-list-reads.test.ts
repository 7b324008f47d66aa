import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Plan } from "../../../src/domain/plan.ts";
import { silentLogger } from "../../../src/logger.ts";
import { listPlans } from "../../../src/plans/plan-list.ts";
import { CLI_ACTOR } from "../../../src/store/audit-log.ts";
import { type EmbeddedCosmos, startEmbeddedCosmos } from "../../../src/store/embedded/index.ts";
import { connectStore, type Store } from "../../../src/store/store.ts";
import { anAction } from "../../support/builders.ts";

/**
 * Cards name an action's plan when the store holds several, so every submit and decision lists the
 * plans (each plan's actions counted across the whole container). With the store in this process
 * that list is read again only after a plan or an action changed, and always shows the change.
 */
let dataDir: string;
let embedded: EmbeddedCosmos;
let store: Store;
let requests = 0;

const plan = (id: string, name: string): Plan => ({ id, name, priorities: [] });

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), "plan-tracker-plan-list-"));
  embedded = await startEmbeddedCosmos({ dataDir, port: 0, onRequest: () => requests++ });
  store = await connectStore({
    target: { endpoint: embedded.endpoint, key: embedded.key, selfSigned: true },
    databaseId: "plan-tracker",
    clock: { now: () => new Date() },
    logger: silentLogger,
    changeVersions: embedded.changes,
  });
});

afterAll(async () => {
  await store.close();
  await embedded.stop();
  await rm(dataDir, { recursive: true, force: true });
});

async function counted<T>(work: () => Promise<T>): Promise<{ result: T; requests: number }> {
  const before = requests;
  const result = await work();
  return { result, requests: requests - before };
}

const summary = (listed: Awaited<ReturnType<typeof listPlans>>) =>
  listed.map((p) => `${p.plan.name}: ${p.actions}`);

describe("listing the plans", () => {
  it("reads the store once until a plan or an action changes, and then shows the change", async () => {
    await store.plans.save(plan("send", "SEND plan"), CLI_ACTOR, null);
    await store.actions.save(anAction({ ref: "1.1", planId: "send" }), CLI_ACTOR, null);

    const first = await counted(() => listPlans(store));
    expect(summary(first.result)).toEqual(["SEND plan: 1"]);
    expect(first.requests).toBeGreaterThan(0);
    const again = await counted(() => listPlans(store));
    expect(summary(again.result)).toEqual(["SEND plan: 1"]);
    expect(again.requests).toBe(0);

    await store.plans.save(plan("cypp", "CYPP"), CLI_ACTOR, null);
    const newPlan = await counted(() => listPlans(store));
    expect(summary(newPlan.result)).toEqual(["CYPP: 0", "SEND plan: 1"]);
    expect(newPlan.requests).toBeGreaterThan(0);

    await store.actions.save(anAction({ ref: "2.1", planId: "cypp" }), CLI_ACTOR, null);
    const newAction = await counted(() => listPlans(store));
    expect(summary(newAction.result)).toEqual(["CYPP: 1", "SEND plan: 1"]);

    // What a caller does with the list cannot change what the next caller is given.
    newAction.result[0]?.plan.priorities.push({
      number: 9,
      name: "changed by a caller",
      description: "",
    });
    newAction.result.pop();
    expect(summary(await listPlans(store))).toEqual(["CYPP: 1", "SEND plan: 1"]);
    expect((await listPlans(store))[0]?.plan.priorities).toEqual([]);
  });
});
