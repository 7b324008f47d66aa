import { describe, expect, it } from "vitest";
import { ConnectorError, parseRetryAfter } from "../../../src/bot/connector-error.ts";
import { decideRetry } from "../../../src/bot/retry-policy.ts";

const options = { maxAttempts: 5, baseDelayMs: 1_000, maxDelayMs: 8_000, random: () => 0.5 };

describe("what the sender does after Teams says no", () => {
  it("waits as long as a 429's Retry-After says", () => {
    const decision = decideRetry(new ConnectorError(429, "throttled", 3_000), 1, {
      ...options,
      random: () => 0,
    });
    expect(decision).toMatchObject({ retry: true, delayMs: 3_000 });
  });

  it.each([412, 502, 503, 504])("retries %i with a growing, jittered backoff", (status) => {
    const first = decideRetry(new ConnectorError(status, "x"), 1, options);
    const third = decideRetry(new ConnectorError(status, "x"), 3, options);
    expect(first).toMatchObject({ retry: true, delayMs: 750 });
    expect(third).toMatchObject({ retry: true, delayMs: 3_000 });
  });

  it("treats 403 (blocked or removed) and 404 as final, saying why", () => {
    const blocked = decideRetry(new ConnectorError(403, "ConversationBlockedByUser"), 1, options);
    expect(blocked).toMatchObject({ retry: false, status: 403 });
    expect(decideRetry(new ConnectorError(404, "gone"), 1, options)).toMatchObject({
      retry: false,
      status: 404,
    });
  });

  it("gives up after the last attempt", () => {
    const decision = decideRetry(new ConnectorError(503, "down"), 5, options);
    expect(decision.retry).toBe(false);
    expect(decision.reason).toContain("Gave up after 5 attempts");
  });

  it("reads Retry-After as seconds or as a date", () => {
    expect(parseRetryAfter("2")).toBe(2_000);
    expect(parseRetryAfter(new Date(10_000).toUTCString(), 4_000)).toBe(6_000);
    expect(parseRetryAfter("soon")).toBeNull();
  });
});
