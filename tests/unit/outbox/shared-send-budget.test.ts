import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { silentLogger } from "../../../src/logger.ts";
import { newSenderIdentity } from "../../../src/outbox/sender-identity.ts";
import { SharedSendBudget } from "../../../src/outbox/shared-send-budget.ts";
import type { SenderPresence } from "../../../src/store/sender-presence.ts";

const HEARTBEAT = 1_000;

/** The presence notes as the store keeps them, in memory, on the test's clock. */
function presenceNotes() {
  const notes = new Map<string, SenderPresence>();
  return {
    notes,
    /** Another instance, on another machine, noting itself now. */
    other(owner: string) {
      const now = Date.now();
      notes.set(owner, {
        id: `sender-presence-${owner}`,
        kind: "senderPresence",
        owner,
        host: "another-machine",
        pid: 1,
        seenAt: now,
        until: now + 3 * HEARTBEAT,
      });
    },
    async beat(who: { owner: string; host: string; pid: number }, nowMs: number, ttlMs: number) {
      notes.set(who.owner, {
        id: `sender-presence-${who.owner}`,
        kind: "senderPresence",
        ...who,
        seenAt: nowMs,
        until: nowMs + ttlMs,
      });
    },
    async live(nowMs: number) {
      return [...notes.values()].filter((note) => note.until > nowMs);
    },
    async leave(owner: string) {
      notes.delete(owner);
    },
  };
}

function budget() {
  const presence = presenceNotes();
  const shares: number[] = [];
  const identity = newSenderIdentity();
  const shared = new SharedSendBudget({
    presence,
    limiter: { setShare: (share) => shares.push(share) },
    identity,
    logger: silentLogger,
    heartbeatMs: HEARTBEAT,
  });
  return { presence, shares, shared, identity, share: () => shares.at(-1) };
}

/** Leaves, moving the clock past the wait for the last requests' window. */
async function leave(shared: SharedSendBudget) {
  const leaving = shared.leave();
  await vi.advanceTimersByTimeAsync(2_000);
  await leaving;
}

describe("one send budget shared by the instances on one store", () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("takes the whole budget alone, at once", async () => {
    const { shared, share } = budget();
    await shared.join();
    expect(share()).toBe(1);
    await leave(shared);
  });

  it("joins others only after a heartbeat, when each has read its note and made room", async () => {
    const { presence, shared, share } = budget();
    presence.other("a");
    let joined = false;
    const joining = shared.join().then(() => {
      joined = true;
    });
    await vi.advanceTimersByTimeAsync(HEARTBEAT - 1);
    expect(joined).toBe(false);
    presence.other("a");
    await vi.advanceTimersByTimeAsync(500);
    await joining;
    expect(share()).toBe(1 / 2);
    await leave(shared);
  });

  it("takes a smaller part as soon as another instance appears, a larger one only when two heartbeats agree", async () => {
    const { presence, shared, share } = budget();
    await shared.join();
    presence.other("a");
    presence.other("b");
    await vi.advanceTimersByTimeAsync(HEARTBEAT);
    expect(share()).toBe(1 / 3);
    // One of them is late with its heartbeat and its note lapses: not believed yet.
    presence.other("a");
    presence.notes.delete("b");
    await vi.advanceTimersByTimeAsync(HEARTBEAT);
    expect(share()).toBe(1 / 3);
    presence.other("a");
    await vi.advanceTimersByTimeAsync(HEARTBEAT);
    expect(share()).toBe(1 / 2);
    await leave(shared);
  });

  it("stops counting an instance whose note lapsed (it died without stopping)", async () => {
    const { presence, shared, share } = budget();
    presence.other("a");
    const joining = shared.join();
    await vi.advanceTimersByTimeAsync(2 * HEARTBEAT);
    await joining;
    expect(share()).toBe(1 / 2);
    await vi.advanceTimersByTimeAsync(5 * HEARTBEAT);
    expect(share()).toBe(1);
    await leave(shared);
  });

  it("removes its note as it leaves, once its last requests no longer count at Teams", async () => {
    const { presence, shared, identity } = budget();
    presence.other("a");
    const joining = shared.join();
    await vi.advanceTimersByTimeAsync(2 * HEARTBEAT);
    await joining;
    presence.other("a");
    const leaving = shared.leave();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(presence.notes.has(identity.owner)).toBe(true);
    await vi.advanceTimersByTimeAsync(200);
    await leaving;
    expect(presence.notes.has(identity.owner)).toBe(false);
  });
});
