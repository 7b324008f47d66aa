import { describe, expect, it } from "vitest";
import { ConnectorError, parseRetryAfter } from "../../../src/outbox/connector-error.ts";
import { DEFAULT_RETRY, decideRetry } from "../../../src/outbox/retry-policy.ts";

const HOUR = 3_600_000;
const options = { ...DEFAULT_RETRY, baseDelayMs: 1_000, maxDelayMs: 8_000, random: () => 0.5 };
const fresh = (attempt: number, throttles = 0) => ({ attempt, throttles, ageMs: 0 });

describe("what the sender does after Teams says no", () => {
  it("waits as long as a 429's Retry-After says, and does not count it as a failed attempt", () => {
    const decision = decideRetry(new ConnectorError(429, "throttled", 3_000), fresh(0, 1), {
      ...options,
      random: () => 0,
    });
    expect(decision).toMatchObject({ retry: true, throttled: true, delayMs: 3_000 });
  });

  it("keeps retrying a 429 however many came before, until the deadline", () => {
    const manyLater = { attempt: 0, throttles: 10_000, ageMs: 23 * HOUR };
    expect(
      decideRetry(new ConnectorError(429, "throttled", 1_000), manyLater, options),
    ).toMatchObject({
      retry: true,
      throttled: true,
    });
    const pastDeadline = { attempt: 0, throttles: 10_000, ageMs: 24 * HOUR };
    const given = decideRetry(new ConnectorError(429, "throttled", 1_000), pastDeadline, options);
    expect(given).toMatchObject({ retry: false, status: 429 });
    expect(given.reason).toContain("24 h after it was queued");
  });

  it("backs off a 429 without a Retry-After more with each 429 in a row", () => {
    const first = decideRetry(new ConnectorError(429, "throttled"), fresh(0, 1), options);
    const third = decideRetry(new ConnectorError(429, "throttled"), fresh(0, 3), options);
    expect(first).toMatchObject({ retry: true, throttled: true, delayMs: 750 });
    expect(third).toMatchObject({ retry: true, throttled: true, delayMs: 3_000 });
  });

  it.each([0, 408, 412, 502, 503, 504])("retries %i with a growing, jittered backoff", (status) => {
    const first = decideRetry(new ConnectorError(status, "x"), fresh(1), options);
    const third = decideRetry(new ConnectorError(status, "x"), fresh(3), options);
    expect(first).toMatchObject({ retry: true, throttled: false, delayMs: 750 });
    expect(third).toMatchObject({ retry: true, throttled: false, delayMs: 3_000 });
  });

  it("retries a transient failure on any attempt before the deadline, and gives up after it", () => {
    expect(decideRetry(new ConnectorError(503, "down"), fresh(500), options).retry).toBe(true);
    const late = { attempt: 3, throttles: 0, ageMs: 25 * HOUR };
    const decision = decideRetry(new ConnectorError(503, "down"), late, options);
    expect(decision).toMatchObject({ retry: false, status: 503 });
    expect(decision.reason).toContain("25 h after it was queued; the last answer was 503");
  });

  it("takes the deadline as an option", () => {
    const twoHours = { ...options, deadlineMs: 2 * HOUR };
    const decision = decideRetry(
      new ConnectorError(503, "down"),
      { attempt: 2, throttles: 0, ageMs: 2 * HOUR },
      twoHours,
    );
    expect(decision.retry).toBe(false);
  });

  it.each([
    [403, "Teams refused the message (403)"],
    [404, "Teams no longer knows this chat (404)"],
    [400, "Teams rejected the message (400)"],
    [413, "Teams rejected the message (413)"],
  ])("treats %i as final at once, saying why", (status, why) => {
    const decision = decideRetry(new ConnectorError(status, "no"), fresh(1), options);
    expect(decision).toMatchObject({ retry: false, status });
    expect(decision.reason).toContain(why);
  });

  it("gives up after the last attempt when a person is waiting (attempts given)", () => {
    const interactive = { ...options, maxAttempts: 5 };
    const decision = decideRetry(new ConnectorError(503, "down"), fresh(5), interactive);
    expect(decision.retry).toBe(false);
    expect(decision.reason).toContain("Gave up after 5 attempts");
    const throttled = decideRetry(new ConnectorError(429, "slow", 1_000), fresh(5, 5), interactive);
    expect(throttled.retry).toBe(false);
  });

  it("reads Retry-After as seconds or as a date", () => {
    expect(parseRetryAfter("2")).toBe(2_000);
    expect(parseRetryAfter(new Date(10_000).toUTCString(), 4_000)).toBe(6_000);
    expect(parseRetryAfter("soon")).toBeNull();
  });
});
