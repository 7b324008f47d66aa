import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queueOnlyMessenger } from "../../src/outbox/outbox-messenger.ts";
import type { Store } from "../../src/store/store.ts";
import { StandInConnector, type TeamsUser } from "../support/stand-in-connector.ts";
import { activityFactory, waitUntil } from "../support/start-test-app.ts";
import { type AppProcess, startAppProcess } from "./support/app-process.ts";
import {
  busiestSecond as busiestSecondOf,
  copiesOf as copiesOfDelivered,
} from "./support/deliveries.ts";
import { type SharedStore, startSharedStore } from "./support/shared-store.ts";

/**
 * Three server processes on one store at Teams' own limit (the quick version, in one process:
 * tests/faults/quick/shared-send-budget.test.ts), as three App Service instances on one Cosmos account.
 * Teams (the stand-in) holds the app as a whole to BUDGET messages a second and answers 429 above
 * it; SEND_RATE_PER_SECOND is the same BUDGET, which the three must share rather than each take.
 * Then one instance is stopped with SIGTERM while it holds claims: it hands them back as it stops.
 */
const BUDGET = 50;
const PEOPLE = 40;
const ROUND = 400;
const clock = { now: () => new Date() };

describe("three instances on one store share one send budget", () => {
  let connector: StandInConnector;
  let shared: SharedStore;
  let store: Store;
  let apps: AppProcess[] = [];
  let people: TeamsUser[];

  beforeAll(async () => {
    connector = await StandInConnector.start();
    shared = await startSharedStore();
    const start = () =>
      startAppProcess({
        dataDir: shared.dataDir,
        env: {
          ...shared.env,
          SEND_RATE_PER_SECOND: String(BUDGET),
          INSTANCE_HEARTBEAT_SECONDS: "0.5",
        },
      });
    // The first prepares the empty store's containers (on Azure the template creates them); the
    // other two then join at the same moment.
    apps = [await start()];
    apps.push(...(await Promise.all([start(), start()])));
    store = await shared.connect(clock);
    people = Array.from({ length: PEOPLE }, (_, i) =>
      connector.addUser({ email: `p${i}@council.gov.uk`, name: `P ${i}` }),
    );
    connector.setRoster("19:all@thread.tacv2", people);
    const install = activityFactory(connector, "28:plan-tracker-dev").installationUpdate(
      people[0] as TeamsUser,
      "add",
      { id: "19:all@thread.tacv2", name: "All" },
    );
    const response = await fetch(`${(apps[0] as AppProcess).url}/api/messages`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(install),
    });
    expect(response.status).toBe(200);
    connector.limitApp({ perSecond: BUDGET });
  }, 60_000);

  afterAll(async () => {
    await Promise.all(apps.map((app) => app.kill9()));
    await store?.close();
    await shared?.close();
    await connector?.close();
  });

  async function queue(prefix: string): Promise<void> {
    const messenger = queueOnlyMessenger(store, clock);
    await Promise.all(
      Array.from({ length: ROUND }, (_, n) => {
        const person = people[n % PEOPLE] as TeamsUser;
        return messenger.send({
          key: `${prefix}:${n}`,
          to: person.email,
          card: {
            type: "AdaptiveCard",
            version: "1.5",
            body: [{ type: "TextBlock", text: `${prefix}-${n}` }],
          },
          summary: `${prefix} ${n}`,
        });
      }),
    );
  }

  const copiesOf = (prefix: string) => copiesOfDelivered(connector.delivered, prefix);
  const busiestSecond = () => busiestSecondOf(connector.requests);

  it("never goes over the app's budget together, and sends each message once", async ({ task }) => {
    const started = performance.now();
    await queue("first");
    await connector.waitFor(() => copiesOf("first").size === ROUND, 40_000, "the first round");
    const seconds = (performance.now() - started) / 1000;
    const copies = [...copiesOf("first").values()];
    task.meta.fault = {
      messages: copies.length,
      duplicates: copies.reduce((sum, n) => sum + n - 1, 0),
      lost: ROUND - copies.length,
      note: `three instances: at most ${busiestSecond()} requests to Teams in any second (budget ${BUDGET}), ${(copies.length / seconds).toFixed(1)} messages a second over the round`,
    };
    expect(connector.requests.filter((r) => r.status === 429)).toEqual([]);
    expect(busiestSecond()).toBeLessThanOrEqual(BUDGET);
    expect(copies.filter((n) => n !== 1)).toEqual([]);
  }, 90_000);

  it("hands a stopped instance's unsent messages back as it stops, for the others to send", async () => {
    await queue("second");
    await connector.waitFor(() => copiesOf("second").size >= 50, 20_000, "the round to start");
    const claimsOf = async (pid: number) => {
      const { resources } = await store.containers.outbox.items
        .query<string>({
          query:
            'SELECT VALUE c.id FROM c WHERE c.state = "pending" AND c.claim.pid = @pid AND c.claim.until > @now',
          parameters: [
            { name: "@pid", value: pid },
            { name: "@now", value: Date.now() },
          ],
        })
        .fetchAll();
      return resources;
    };
    // The instance holding the most claims on messages not yet sent.
    const held = await Promise.all(apps.map(async (app) => (await claimsOf(app.pid)).length));
    const busiest = held.indexOf(Math.max(...held));
    const stopping = apps[busiest] as AppProcess;
    expect(held[busiest]).toBeGreaterThan(0);
    await stopping.stop();
    apps.splice(busiest, 1);
    // Not one claim left to run out: on another machine that would hold the messages a minute.
    expect(await claimsOf(stopping.pid)).toEqual([]);
    await connector.waitFor(
      () => copiesOf("second").size === ROUND,
      // Two instances at half the budget each: the rest of the round, and no claim's expiry.
      (ROUND / BUDGET) * 1_000 + 5_000,
      "the other instances to send the rest",
    );
    await waitUntil(
      async () => (await store.outbox.countOpen()) === 0,
      5_000,
      "the outbox to empty",
    );
    expect([...copiesOf("second").values()].filter((n) => n !== 1)).toEqual([]);
    expect(connector.requests.filter((r) => r.status === 429)).toEqual([]);
  }, 90_000);
});
