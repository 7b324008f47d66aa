import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ManualClock } from "../../../src/clock.ts";
import { newOutboxItem } from "../../../src/store/outbox-items.ts";
import type { Store } from "../../../src/store/store.ts";
import { openTempStore } from "../../support/temp-store.ts";

const clock = new ManualClock(new Date("2026-11-23T09:00:00Z"));
const message = (n: number) =>
  newOutboxItem(
    {
      key: `review:2026-Q3:open:CSC-${n}:lead${n % 7}@council.gov.uk`,
      to: `lead${n % 7}@council.gov.uk`,
      card: {
        type: "AdaptiveCard",
        version: "1.5",
        body: [{ type: "TextBlock", text: `CSC-${n}` }],
      },
      summary: `Please update CSC-${n}`,
    },
    clock.now(),
  );

/** A round's messages are queued a hundred to a request; each key is still queued once only. */
describe("queueing many messages at once", () => {
  let temp: Awaited<ReturnType<typeof openTempStore>>;
  let store: Store;
  beforeAll(async () => {
    temp = await openTempStore(clock, "plan-tracker-enqueue-");
    store = temp.store;
  });
  afterAll(() => temp?.close());

  it("records each new message, says which keys were already used, and never stores one twice", async () => {
    expect(await store.outbox.enqueue(message(5))).toBe(true);
    expect(await store.outbox.enqueue(message(180))).toBe(true);

    const items = Array.from({ length: 250 }, (_, n) => message(n));
    items.push(message(42)); // the same key twice in one call
    const queued = await store.outbox.enqueueMany(items);

    expect(queued).toHaveLength(251);
    const refused = queued.flatMap((ok, index) => (ok ? [] : [index]));
    expect(refused).toEqual([5, 180, 250]);
    expect(await store.outbox.countOpen()).toBe(250);
    const stored = await store.outbox.read(items[42]?.id as string);
    expect(stored?.doc).toMatchObject({ state: "pending", summary: "Please update CSC-42" });
  });

  it("queues nothing, and asks nothing, for an empty list", async () => {
    expect(await store.outbox.enqueueMany([])).toEqual([]);
  });
});
