import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TeamsDirectory } from "../../../src/bot/teams-directory.ts";
import { queueOnlyMessenger } from "../../../src/outbox/outbox-messenger.ts";
import { outboxId } from "../../../src/store/outbox-repo.ts";
import type { Store } from "../../../src/store/store.ts";
import { type SharedStore, startSharedStore } from "../../faults/support/shared-store.ts";
import { requestsBetween } from "../../faults/support/store-requests.ts";
import {
  cardsOf,
  cardText,
  StandInConnector,
  type TeamsUser,
} from "../../support/stand-in-connector.ts";
import { waitUntil } from "../../support/start-test-app.ts";
import {
  knownInTeams,
  numberedMessage,
  type SenderInstance,
  senderInstance,
} from "./sender-instance.ts";

/**
 * Several instances share one store, each on a machine of its own. A message queued by a running
 * instance carries that instance's claim from the start: it sends the message with one more write
 * (recording it as sent), and the others leave it alone unless the claim lapses.
 */
const clock = { now: () => new Date() };
const PEOPLE = 20;

describe("messages queued already claimed by the instance that queued them", () => {
  let connector: StandInConnector;
  let shared: SharedStore;
  let store: Store;
  let people: TeamsUser[];
  const instances: SenderInstance[] = [];

  beforeAll(async () => {
    connector = await StandInConnector.start();
    shared = await startSharedStore();
    store = await shared.connect(clock);
    people = Array.from({ length: PEOPLE }, (_, i) =>
      connector.addUser({ email: `person${i}@council.gov.uk`, name: `Person ${i}` }),
    );
    for (const person of people) await knownInTeams(store, connector, person);
  });
  afterAll(async () => {
    for (const instance of instances) await instance.messenger.stop();
    await store?.close();
    await shared?.close();
    await connector?.close();
  });

  async function startOn(machine: string, o?: Parameters<typeof senderInstance>[2]) {
    const instance = senderInstance(store, machine, o);
    instances.push(instance);
    await instance.messenger.start();
    return instance;
  }

  /** When each message under `prefix` reached its person (every copy), by key. */
  function arrivals(prefix: string): Map<string, number[]> {
    const copies = new Map<string, number[]>();
    for (const d of connector.delivered) {
      const match = /^(\S+) for (\S+)$/.exec(cardText(cardsOf(d)[0]));
      if (!match?.[1]?.startsWith(`${prefix}:`)) continue;
      const intended = people.find((p) => p.email === match[2]) as TeamsUser;
      expect(d.conversationId).toBe(connector.personalConversationOf(intended));
      copies.set(match[1], [...(copies.get(match[1]) ?? []), d.at]);
    }
    return copies;
  }

  const outboxEmpty = () =>
    waitUntil(async () => (await store.outbox.countOpen()) === 0, 30_000, "the outbox to empty");

  it("sends each message once with two writes (queued, sent) however many instances share the queue", async () => {
    const machines = await Promise.all(
      ["machine-a", "machine-b", "machine-c"].map((m) => startOn(m)),
    );
    const before = shared.requests.snapshot();
    await Promise.all(
      machines.map((instance, m) =>
        Promise.all(
          Array.from({ length: 60 }, (_, n) =>
            instance.messenger.send(
              numberedMessage(`busy:${m}-${n}`, people[(n + m) % PEOPLE] as TeamsUser),
            ),
          ),
        ),
      ),
    );
    await connector.waitFor(() => arrivals("busy").size === 180, 30_000, "180 messages");
    await outboxEmpty();
    const spent = requestsBetween(before, shared.requests.snapshot());

    expect([...arrivals("busy").values()].filter((times) => times.length !== 1)).toEqual([]);
    expect(spent.byKind["create outbox"]).toBe(180);
    // One replace per message, the one recording it as sent: none was written to claim it.
    expect(spent.byKind["replace outbox"]).toBe(180);
  });

  it("sends messages queued where no sender runs (the command line) once, from whichever instance claims them", async () => {
    const cli = queueOnlyMessenger(store, clock);
    for (let n = 0; n < 30; n++) {
      await cli.send(numberedMessage(`cli:${n}`, people[n % PEOPLE] as TeamsUser));
    }
    await connector.waitFor(() => arrivals("cli").size === 30, 30_000, "30 messages");
    await outboxEmpty();
    expect([...arrivals("cli").values()].filter((times) => times.length !== 1)).toEqual([]);
  });

  it("leaves a stopped instance's messages alone until each claim lapses, then sends them once", async () => {
    // Slow enough that it stops with most of its messages still queued.
    const stopping = await startOn("machine-d", { ratePerSecond: 5, claimTtlMs: 300 });
    const keys = Array.from({ length: 12 }, (_, n) => `stopped:${n}`);
    await Promise.all(
      keys.map((key, n) =>
        stopping.messenger.send(numberedMessage(key, people[n % PEOPLE] as TeamsUser)),
      ),
    );
    await stopping.messenger.stop();
    const left = (await Promise.all(keys.map((key) => store.outbox.read(outboxId(key)))))
      .map((item) => item?.doc)
      .filter((doc) => doc?.state === "pending");
    expect(left.length).toBeGreaterThan(0);
    for (const doc of left) expect(doc?.claim?.owner).toBe(stopping.identity.owner);

    const epochOf = (at: number) => at + (Date.now() - performance.now());
    await startOn("machine-e");
    await connector.waitFor(
      () => arrivals("stopped").size === keys.length,
      30_000,
      "every message",
    );
    await outboxEmpty();

    const copies = arrivals("stopped");
    expect([...copies.values()].filter((times) => times.length !== 1)).toEqual([]);
    for (const doc of left) {
      const [at] = copies.get(doc?.key as string) as number[];
      expect(epochOf(at as number)).toBeGreaterThanOrEqual((doc?.claim?.until as number) - 20);
    }
  });

  it("tries a refused message again at the chat another instance has since recorded, but gives up on one still refused", async () => {
    const moved = connector.addUser({ email: "moved@council.gov.uk", name: "Moved" });
    const blocked = connector.addUser({ email: "blocked@council.gov.uk", name: "Blocked" });
    await knownInTeams(store, connector, moved, "a:1an-old-chat");
    await knownInTeams(store, connector, blocked);
    const instance = await startOn("machine-f");
    // This instance reads both records now and keeps them in memory.
    expect(await instance.messenger.teamsUserIdOf(moved.email)).toBe(moved.id);
    expect(await instance.messenger.teamsUserIdOf(blocked.email)).toBe(blocked.id);
    // Elsewhere, the person's chat is learned afresh; the old one refuses messages.
    await knownInTeams(store, connector, moved);
    connector.block("a:1an-old-chat", 403);
    connector.block(connector.personalConversationOf(blocked), 403);

    await instance.messenger.send(numberedMessage("moved:1", moved));
    await instance.messenger.send(numberedMessage("blocked:1", blocked));
    await connector.waitFor(
      () => connector.messagesIn(connector.personalConversationOf(moved)).length === 1,
      30_000,
      "the message in the person's current chat",
    );
    await outboxEmpty();
    const failed = await instance.messenger.failedDeliveries();
    expect(failed.map((item) => item.key)).toEqual(["blocked:1"]);
    expect(failed[0]?.failure?.status).toBe(403);
  });

  // Last: it leaves the slow instance's queue unfinished.
  it("does not hold an instance's messages up behind another's long queue on the same machine", async () => {
    const slow = await startOn("machine-g", { ratePerSecond: 10 });
    const quick = await startOn("machine-g");
    await Promise.all(
      Array.from({ length: 400 }, (_, n) =>
        slow.messenger.send(numberedMessage(`long:${n}`, people[n % PEOPLE] as TeamsUser)),
      ),
    );
    await Promise.all(
      Array.from({ length: 5 }, (_, n) =>
        quick.messenger.send(numberedMessage(`short:${n}`, people[n] as TeamsUser)),
      ),
    );
    await connector.waitFor(() => arrivals("short").size === 5, 10_000, "the short queue");
    expect(arrivals("long").size).toBeLessThan(400);
  });

  it("looks up many people's Teams records with one query when they are asked for together", async () => {
    const directory = new TeamsDirectory(store.conversations, clock.now);
    const before = shared.requests.snapshot();
    const found = await Promise.all(people.map((p) => directory.memberOf(p.email.toUpperCase())));
    const again = await Promise.all(people.map((p) => directory.memberOf(p.email)));
    const spent = requestsBetween(before, shared.requests.snapshot());

    expect(found.map((m) => m?.teamsUserId)).toEqual(people.map((p) => p.id));
    expect(again.map((m) => m?.teamsUserId)).toEqual(people.map((p) => p.id));
    expect(spent.byKind["query conversations"]).toBe(1);
    expect(await directory.memberOf("nobody@council.gov.uk")).toBeNull();
  });
});
