import { describe, expect, it } from "vitest";
import { teamsRateLimits } from "../../../src/bot/rate-limits.ts";
import { LimiterClosedError, SendRateLimiter } from "../../../src/bot/send-rate-limiter.ts";

/**
 * The limiter on a hand-moved clock: nothing waits on wall-clock time. Its own timers re-check
 * at real times, so each check here is prompted by an event (a slot finishing, a new caller).
 */
function harness(limits = teamsRateLimits(50)) {
  const clock = { now: 0 };
  const limiter = new SendRateLimiter(limits, () => clock.now);
  const granted: string[] = [];
  /** Asks for a slot; `answered`: the request comes back at once (its windows start closing). */
  const ask = (conversation: string | null, answered = false) => {
    const slot = limiter.acquire(conversation);
    void slot.then(
      (s) => {
        granted.push(conversation ?? "(none)");
        if (answered) s.finished();
      },
      () => undefined,
    );
    return slot;
  };
  const settle = () => new Promise((resolve) => setImmediate(resolve));
  return { clock, limiter, granted, ask, settle };
}

describe("the send rate limiter", () => {
  it("lets at most 7 messages into one conversation within a second", async () => {
    const h = harness();
    for (let i = 0; i < 10; i++) void h.ask("a:1", true);
    await h.settle();
    expect(h.granted).toHaveLength(7);
    h.limiter.close();
  });

  it("does not let a busy conversation hold up the others", async () => {
    const h = harness();
    for (let i = 0; i < 10; i++) void h.ask("a:busy", true);
    void h.ask("a:quiet");
    await h.settle();
    expect(h.granted.filter((c) => c === "a:quiet")).toHaveLength(1);
    h.limiter.close();
  });

  it("keeps to the global cap across conversations", async () => {
    const h = harness(teamsRateLimits(20));
    for (let i = 0; i < 30; i++) void h.ask(`a:${i}`, true);
    await h.settle();
    expect(h.granted).toHaveLength(20);
    h.limiter.close();
  });

  it("counts a request from when it leaves until a window after its answer", async () => {
    const h = harness({ perConversation: [], global: [{ limit: 1, windowMs: 1000 }] });
    const first = await h.ask(null);
    h.clock.now = 5_000; // a slow answer: the request is still in flight
    void h.ask(null);
    await h.settle();
    expect(h.granted).toHaveLength(1);
    first.finished(); // answered at 5 000 ms: counts until 6 000 ms
    h.clock.now = 5_999;
    h.limiter.pause(null, 0); // prompts a re-check
    await h.settle();
    expect(h.granted).toHaveLength(1);
    h.clock.now = 6_001;
    h.limiter.pause(null, 0);
    await h.settle();
    expect(h.granted).toHaveLength(2);
    h.limiter.close();
  });

  it("gives a cancelled slot back at once", async () => {
    const h = harness({ perConversation: [], global: [{ limit: 1, windowMs: 1000 }] });
    const first = await h.ask(null);
    void h.ask(null);
    first.cancel();
    await h.settle();
    expect(h.granted).toHaveLength(2);
    h.limiter.close();
  });

  it("holds a conversation Teams throttled until its Retry-After has passed, and only that one", async () => {
    const h = harness();
    h.limiter.pause("a:1", 2_000);
    void h.ask("a:1");
    void h.ask("a:2");
    await h.settle();
    expect(h.granted).toEqual(["a:2"]);
    h.clock.now = 2_001;
    h.limiter.pause(null, 0);
    await h.settle();
    expect(h.granted).toEqual(["a:2", "a:1"]);
    h.limiter.close();
  });

  it("refuses callers still waiting when it is closed", async () => {
    const h = harness({ perConversation: [], global: [{ limit: 1, windowMs: 1000 }] });
    await h.ask(null);
    const waiting = h.ask(null);
    h.limiter.close();
    await expect(waiting).rejects.toBeInstanceOf(LimiterClosedError);
  });
});
