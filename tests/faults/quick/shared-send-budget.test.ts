import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SenderPresenceRepo } from "../../../src/store/sender-presence.ts";
import { StandInConnector, type TeamsUser } from "../../support/stand-in-connector.ts";
import { startTestApp, type TestApp, waitUntil } from "../../support/start-test-app.ts";
import {
  busiestSecond as busiestSecondOf,
  copiesOf as copiesOfDelivered,
} from "../support/deliveries.ts";
import { type SharedStore, startSharedStore } from "../support/shared-store.ts";

/**
 * Three instances on one store (in one process, so it stays quick; tests/faults/shared-send-budget
 * runs them as three processes at Teams' own limit). Teams, here the stand-in, holds the app as a
 * whole to BUDGET messages a second and answers 429 above it; SEND_RATE_PER_SECOND is that same
 * BUDGET, which the three share rather than each take. Then one instance stops while it holds
 * claims, and hands them back as it stops.
 */
const BUDGET = 10;
const PEOPLE = 3;
/** Messages each instance queues: it sends them itself, on the claims they were queued with. */
const EACH = 6;

describe("three instances on one store share one send budget", () => {
  let connector: StandInConnector;
  let shared: SharedStore;
  let apps: TestApp[] = [];
  let people: TeamsUser[];

  beforeAll(async () => {
    connector = await StandInConnector.start();
    shared = await startSharedStore();
    for (let i = 0; i < 3; i++) {
      apps.push(
        await startTestApp({
          connector,
          skipSamplePlan: true,
          env: {
            ...shared.env,
            SEND_RATE_PER_SECOND: String(BUDGET),
            INSTANCE_HEARTBEAT_SECONDS: "0.5",
          },
        }),
      );
    }
    people = Array.from({ length: PEOPLE }, (_, i) =>
      connector.addUser({ email: `p${i}@council.gov.uk`, name: `P ${i}` }),
    );
    connector.setRoster("19:all@thread.tacv2", people);
    const first = apps[0] as TestApp;
    const install = first.activity.installationUpdate(people[0] as TeamsUser, "add", {
      id: "19:all@thread.tacv2",
      name: "All",
    });
    expect((await first.post(install)).status).toBe(200);
    connector.limitApp({ perSecond: BUDGET });
  }, 30_000);

  afterAll(async () => {
    for (const app of apps) await app.close();
    apps = [];
    await shared?.close();
    await connector?.close();
  });

  const store = () => (apps[0] as TestApp).store;

  /** Each of `from` queues EACH messages at once, as a daily run or a decision would. */
  async function queue(prefix: string, from: TestApp[]): Promise<void> {
    await Promise.all(
      from.flatMap((app, a) =>
        Array.from({ length: EACH }, (_, n) =>
          app.messenger.send({
            key: `${prefix}:${a}-${n}`,
            to: (people[n % PEOPLE] as TeamsUser).email,
            card: {
              type: "AdaptiveCard",
              version: "1.5",
              body: [{ type: "TextBlock", text: `${prefix}-${a}-${n}` }],
            },
            summary: `${prefix} ${a}-${n}`,
          }),
        ),
      ),
    );
  }

  const copiesOf = (prefix: string) => copiesOfDelivered(connector.delivered, prefix);
  const busiestSecond = () => busiestSecondOf(connector.requests);

  it("never goes over the app's budget together, and sends each message once", async () => {
    await queue("first", apps);
    await connector.waitFor(() => copiesOf("first").size === 3 * EACH, 10_000, "the first round");
    expect(connector.requests.filter((r) => r.status === 429)).toEqual([]);
    expect(busiestSecond()).toBeLessThanOrEqual(BUDGET);
    expect([...copiesOf("first").values()].filter((n) => n !== 1)).toEqual([]);
  });

  it("hands a stopping instance's unsent messages back at once", async () => {
    /** Who holds claims on messages not yet sent, and how many each. */
    const claims = async () => {
      const { resources } = await store()
        .containers.outbox.items.query<string>({
          query:
            'SELECT VALUE c.claim.owner FROM c WHERE c.state = "pending" AND IS_OBJECT(c.claim) AND c.claim.until > @now',
          parameters: [{ name: "@now", value: Date.now() }],
        })
        .fetchAll();
      return resources;
    };
    const presence = new SenderPresenceRepo(store().containers.leases);
    expect(await presence.live(Date.now())).toHaveLength(3);
    // The instance about to stop queues a round, each message claimed by it as it is queued.
    const stopping = apps.pop() as TestApp;
    await queue("second", [stopping]);
    const [owner] = new Set(await claims());
    expect(owner).toBeDefined();
    await stopping.close();
    // Nothing left to run out: on another machine, a claim left behind holds its message a minute.
    expect((await claims()).filter((o) => o === owner)).toEqual([]);
    expect(await presence.live(Date.now())).toHaveLength(2);
    await connector.waitFor(
      () => copiesOf("second").size === EACH,
      5_000,
      "the others to send the rest",
    );
    await waitUntil(
      async () => (await store().outbox.countOpen()) === 0,
      5_000,
      "the outbox to empty",
    );
    expect([...copiesOf("second").values()].filter((n) => n !== 1)).toEqual([]);
    expect(connector.requests.filter((r) => r.status === 429)).toEqual([]);
  });
});
