import { ConnectorError } from "./connector-error.ts";

export type RetryDecision =
  | {
      retry: true;
      delayMs: number;
      reason: string;
      /** Teams said "later" (429): not a failed attempt, so it does not count as one. */
      throttled: boolean;
    }
  | { retry: false; reason: string; status: number | null };

export interface RetryPolicyOptions {
  /** First backoff; doubles each attempt, jittered, up to `maxDelayMs`. */
  baseDelayMs: number;
  maxDelayMs: number;
  /**
   * How long after it was queued a message is still retried when Teams keeps failing or
   * throttling; after that it is given up. Only a final answer (403, 404, other 4xx) ends it sooner.
   */
  deadlineMs: number;
  /**
   * Attempts (429s included) before giving up, for calls a person is waiting on (a reply in a
   * turn); queued messages have none and are tried until the deadline.
   */
  maxAttempts?: number;
  /** 0 ≤ random() < 1; injectable so tests can fix the jitter. */
  random?: () => number;
}

/** A day: a reminder a day late still helps; a Teams that fails for a whole day needs a person. */
export const DEFAULT_DEADLINE_MS = 24 * 60 * 60_000;

export const DEFAULT_RETRY: RetryPolicyOptions = {
  baseDelayMs: 1_000,
  maxDelayMs: 60_000,
  deadlineMs: DEFAULT_DEADLINE_MS,
};

/** Where a message stands when a request for it fails. */
export interface FailureCount {
  /** Failed attempts so far, this one included (429s are not failed attempts). */
  attempt: number;
  /** 429s in a row so far, this one included (0 when this failure is not a 429). */
  throttles: number;
  /** Milliseconds since the work was queued. */
  ageMs: number;
}

/** Short outages Teams asks bots to retry, and an expired token (renewed on the next try). */
const TRANSIENT = new Set([0, 401, 408, 412, 500, 502, 503, 504]);

/**
 * What to do after a failed request to Teams. 429 is Teams saying "later": the message waits as
 * long as Teams said (Retry-After; without one, a backoff that grows with each 429 in a row) and
 * the wait is not a failed attempt. Other transient failures back off exponentially with jitter
 * so retries don't arrive together. A message is given up only on a final answer (403: the bot
 * is blocked or removed; 404: the chat is gone; any other 4xx) or once it has been waiting
 * longer than the deadline.
 */
export function decideRetry(
  error: unknown,
  count: FailureCount,
  options: RetryPolicyOptions = DEFAULT_RETRY,
): RetryDecision {
  const status = error instanceof ConnectorError ? error.status : 0;
  const described = describeFailure(error);
  if (status === 403) {
    return { retry: false, status, reason: `Teams refused the message (403): ${described}` };
  }
  if (status === 404) {
    return { retry: false, status, reason: `Teams no longer knows this chat (404): ${described}` };
  }
  if (status !== 429 && !TRANSIENT.has(status)) {
    return { retry: false, status, reason: `Teams rejected the message (${status}): ${described}` };
  }
  const answer = status || "no answer";
  if (options.maxAttempts !== undefined && count.attempt >= options.maxAttempts) {
    return {
      retry: false,
      status: status || null,
      reason: `Gave up after ${count.attempt} attempts; the last answer was ${answer}: ${described}`,
    };
  }
  if (count.ageMs >= options.deadlineMs) {
    return {
      retry: false,
      status: status || null,
      reason: `Still not delivered ${hours(count.ageMs)} after it was queued; the last answer was ${answer}: ${described}`,
    };
  }
  const random = options.random ?? Math.random;
  if (status === 429) {
    const retryAfterMs = error instanceof ConnectorError ? error.retryAfterMs : null;
    if (retryAfterMs !== null) {
      // A little jitter on top, so every throttled request doesn't come back in the same instant.
      const extra = Math.round(Math.min(retryAfterMs, 1_000) * random() * 0.2);
      return {
        retry: true,
        throttled: true,
        delayMs: retryAfterMs + extra,
        reason: "throttled (429)",
      };
    }
    return {
      retry: true,
      throttled: true,
      delayMs: backoff(Math.max(1, count.throttles), options, random),
      reason: "throttled (429) without a Retry-After",
    };
  }
  return {
    retry: true,
    throttled: false,
    delayMs: backoff(count.attempt, options, random),
    reason: `${answer}: ${described}`,
  };
}

/** The wait before try `n + 1`: doubling from the base, capped, jittered between half and all of it. */
function backoff(n: number, options: RetryPolicyOptions, random: () => number): number {
  const full = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** Math.min(30, n - 1));
  return Math.round(full * (0.5 + random() * 0.5));
}

function hours(ms: number): string {
  const h = ms / 3_600_000;
  return h >= 1 ? `${Math.floor(h)} h` : `${Math.max(1, Math.round(ms / 60_000))} min`;
}

function describeFailure(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}
