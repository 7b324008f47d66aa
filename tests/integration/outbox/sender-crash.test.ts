import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { silentLogger } from "../../../src/logger.ts";
import type { Messenger } from "../../../src/messaging.ts";
import { queueOnlyMessenger } from "../../../src/outbox/outbox-messenger.ts";
import { readRunningStore } from "../../../src/store/embedded/index.ts";
import { connectStore, type Store } from "../../../src/store/store.ts";
import {
  cardsOf,
  cardText,
  StandInConnector,
  type TeamsUser,
} from "../../support/stand-in-connector.ts";
import { activityFactory, waitUntil } from "../../support/start-test-app.ts";
import { type AppProcess, startAppProcess } from "./child-process.ts";

/**
 * The app runs in a child process and is killed with SIGKILL while it is sending, then started
 * again on the same data folder. Messages are queued from this process through the running
 * store, as the CLI does.
 */
const PEOPLE = 30;
const PER_PERSON = 10;
const clock = { now: () => new Date() };

describe("the proactive sender across a crash", () => {
  let connector: StandInConnector;
  let dataDir: string;
  let env: Record<string, string>;
  let app: AppProcess | null = null;
  let people: TeamsUser[];

  beforeAll(async () => {
    connector = await StandInConnector.start();
    dataDir = await mkdtemp(join(tmpdir(), "plan-tracker-crash-"));
    env = { PORT: "0", DATA_DIR: dataDir, EMBEDDED_COSMOS_PORT: "0", LOG_LEVEL: "silent" };
    app = await startAppProcess(env);
    people = Array.from({ length: PEOPLE }, (_, i) =>
      connector.addUser({ email: `p${i}@council.gov.uk`, name: `P ${i}` }),
    );
    connector.setRoster("19:all@thread.tacv2", people);
    const activities = activityFactory(connector, "28:plan-tracker-dev");
    const install = activities.installationUpdate(people[0] as TeamsUser, "add", {
      id: "19:all@thread.tacv2",
      name: "All",
    });
    const response = await fetch(`http://127.0.0.1:${app.port}/api/messages`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(install),
    });
    expect(response.status).toBe(200);
  }, 120_000);

  afterAll(async () => {
    await app?.kill();
    await connector?.close();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  /** Connects to the running app's store, as a CLI command would, and queues messages through it. */
  async function queue(prefix: string): Promise<void> {
    const { store, messenger } = await viaRunningStore();
    const sends: Array<Promise<unknown>> = [];
    for (let n = 0; n < PEOPLE * PER_PERSON; n++) {
      const person = people[n % PEOPLE] as TeamsUser;
      const card = {
        type: "AdaptiveCard",
        version: "1.5",
        body: [{ type: "TextBlock", text: `${prefix}-${n} for ${person.email}` }],
      };
      sends.push(
        messenger.send({
          key: `${prefix}:${n}`,
          to: person.email,
          card,
          summary: `${prefix} ${n}`,
        }),
      );
    }
    await Promise.all(sends);
    await store.close();
  }

  async function viaRunningStore(): Promise<{ store: Store; messenger: Messenger }> {
    const running = await readRunningStore(dataDir);
    if (!running) throw new Error("The app's store is not running.");
    const store = await connectStore({
      target: { endpoint: running.endpoint, key: running.key, selfSigned: true },
      databaseId: "plan-tracker",
      clock,
      logger: silentLogger,
    });
    // Queued as the server queues, without a sender of its own: the app's sender delivers.
    return { store, messenger: queueOnlyMessenger(store, clock) };
  }

  /** Copies of each message that reached its person (and a check that each went to the right one). */
  function copiesOf(prefix: string): Map<string, number[]> {
    const copies = new Map<string, number[]>();
    for (const d of connector.delivered) {
      const match = new RegExp(`^${prefix}-(\\d+) for (\\S+)$`).exec(cardText(cardsOf(d)[0]));
      if (!match) continue;
      const intended = people.find((p) => p.email === match[2]) as TeamsUser;
      expect(d.conversationId).toBe(connector.personalConversationOf(intended));
      copies.set(match[1] as string, [...(copies.get(match[1] as string) ?? []), d.at]);
    }
    return copies;
  }

  async function allSent(): Promise<void> {
    const { store } = await viaRunningStore();
    try {
      await waitUntil(
        async () => (await store.outbox.countOpen()) === 0,
        60_000,
        "the outbox to empty",
      );
    } finally {
      await store.close();
    }
  }

  it("loses nothing and repeats nothing when killed between deliveries", async () => {
    await queue("first");
    await connector.waitFor(() => copiesOf("first").size >= 100, 60_000, "100 deliveries");
    // From here Teams' side swallows requests: those in flight are lost on the wire, not delivered.
    connector.hold();
    const { store } = await viaRunningStore();
    await waitUntil(
      async () => {
        const { resources } = await store.containers.outbox.items
          .query<number>(
            'SELECT VALUE COUNT(1) FROM c WHERE c.state = "sent" AND STARTSWITH(c.key, "first:")',
          )
          .fetchAll();
        return resources[0] === copiesOf("first").size;
      },
      30_000,
      "every delivered message to be recorded",
    );
    await store.close();
    await app?.kill();
    const lostOnTheWire = connector.heldCount;
    connector.resume();

    app = await startAppProcess(env);
    await connector.waitFor(
      () => copiesOf("first").size === PEOPLE * PER_PERSON,
      60_000,
      "all 300 deliveries",
    );
    await allSent();

    const copies = [...copiesOf("first").values()].map((times) => times.length);
    expect(copies).toHaveLength(PEOPLE * PER_PERSON);
    expect(copies.filter((n) => n !== 1)).toEqual([]);
    expect(lostOnTheWire).toBeGreaterThan(0);
  }, 180_000);

  it("after a kill at any moment loses nothing, and repeats only what was sent but not yet recorded", async () => {
    connector.clearFaults();
    await queue("second");
    let killedAt = 0;
    await connector.waitFor(() => copiesOf("second").size >= 120, 60_000, "120 deliveries");
    killedAt = performance.now();
    await app?.kill();

    app = await startAppProcess(env);
    await connector.waitFor(
      () => copiesOf("second").size === PEOPLE * PER_PERSON,
      60_000,
      "all 300 deliveries",
    );
    await allSent();

    const repeated = [...copiesOf("second").values()].filter((times) => times.length > 1);
    console.info(
      `crash test: ${repeated.length} message(s) delivered twice after a kill at an arbitrary moment`,
    );
    for (const times of repeated) {
      expect(times).toHaveLength(2);
      // The first copy was answered just before the kill: the sent-but-not-recorded window.
      expect(killedAt - (times[0] as number)).toBeLessThan(1_000);
    }
    expect(repeated.length).toBeLessThanOrEqual(PEOPLE);
  }, 180_000);
});
