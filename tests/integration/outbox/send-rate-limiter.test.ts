import { describe, expect, it } from "vitest";
import { teamsRateLimits } from "../../../src/outbox/rate-limits.ts";
import { LimiterClosedError, SendRateLimiter } from "../../../src/outbox/send-rate-limiter.ts";

/**
 * The limiter on a hand-moved clock: nothing waits on wall-clock time. Its own timers re-check
 * at real times, so each check here is prompted by an event (a slot finishing, a new caller).
 */
function harness(limits = teamsRateLimits(50)) {
  const clock = { now: 0 };
  // Halving on each cut, for easy sums.
  const limiter = new SendRateLimiter(limits, () => clock.now, { decreaseFactor: 0.5 });
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

  it("holds only the chat when a single chat is throttled", async () => {
    const h = harness();
    const cap = h.limiter.sendsPerSecond();
    const slot = await h.ask("a:1");
    slot.throttled(2_000);
    slot.finished();
    void h.ask("a:1");
    void h.ask("a:2");
    await h.settle();
    expect(h.granted).toEqual(["a:1", "a:2"]);
    expect(h.limiter.sendsPerSecond()).toBe(cap);
    h.limiter.close();
  });

  it("when 429s come from two chats at once, holds every chat for the Retry-After and lowers the rate", async () => {
    const h = harness();
    const cap = h.limiter.sendsPerSecond();
    for (let i = 0; i < 6; i++) await h.ask(`b:${i}`, true); // Teams took 6 in this second
    const first = await h.ask("a:1");
    const second = await h.ask("a:2");
    first.throttled(1_000);
    first.finished();
    expect(h.limiter.sendsPerSecond()).toBe(cap);
    h.clock.now = 200;
    second.throttled(1_000);
    second.finished();
    // Cut from what Teams took (6 a second, below the cap), halved.
    expect(h.limiter.sendsPerSecond()).toBe(3);
    void h.ask("a:3");
    await h.settle();
    expect(h.granted.slice(6)).toEqual(["a:1", "a:2"]);
    h.clock.now = 1_201; // the Retry-After, counted from the second 429, has passed
    h.limiter.pause(null, 0);
    await h.settle();
    expect(h.granted.slice(6)).toEqual(["a:1", "a:2", "a:3"]);
    h.limiter.close();
  });

  it("takes a refusal here and there among many accepted as those chats' own limits", async () => {
    const h = harness();
    const cap = h.limiter.sendsPerSecond();
    for (let i = 0; i < 12; i++) await h.ask(`b:${i}`, true); // Teams took 12 in this second
    const first = await h.ask("a:1");
    const second = await h.ask("a:2");
    first.throttled(1_000);
    second.throttled(1_000);
    first.finished();
    second.finished();
    expect(h.limiter.sendsPerSecond()).toBe(cap);
    void h.ask("a:1");
    void h.ask("a:3");
    await h.settle();
    expect(h.granted.slice(14)).toEqual(["a:3"]);
    h.limiter.close();
  });

  it("keeps to the lowered rate after a throttle of the whole app, climbing back step by step", async () => {
    const h = harness(teamsRateLimits(20));
    for (let i = 0; i < 6; i++) await h.ask(`b:${i}`, true); // Teams took 6 in this second
    const a = await h.ask("a:1");
    const b = await h.ask("a:2");
    a.throttled(1_000);
    b.throttled(1_000);
    a.finished();
    b.finished();
    // 6 halved is 3 a second; five seconds of climbing a message a second later, 8.
    h.clock.now = 1_100; // the pause is over, and earlier requests have left the window
    for (let i = 0; i < 30; i++) void h.ask(`c:${i}`, true);
    h.limiter.pause(null, 0);
    await h.settle();
    expect(h.granted).toHaveLength(8 + 3);
    h.clock.now = 6_100;
    h.limiter.pause(null, 0);
    await h.settle();
    expect(h.granted).toHaveLength(8 + 3 + 8);
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
