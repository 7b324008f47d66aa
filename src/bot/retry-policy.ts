import { ConnectorError } from "./connector-error.ts";

export type RetryDecision =
  | { retry: true; delayMs: number; reason: string }
  | { retry: false; reason: string; status: number | null };

export interface RetryPolicyOptions {
  /** Attempts of one message before it is recorded as failed. */
  maxAttempts: number;
  /** First backoff; doubles each attempt, jittered, up to `maxDelayMs`. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** 0 ≤ random() < 1; injectable so tests can fix the jitter. */
  random?: () => number;
}

export const DEFAULT_RETRY: RetryPolicyOptions = {
  maxAttempts: 10,
  baseDelayMs: 1_000,
  maxDelayMs: 60_000,
};

/** Throttling and short outages: Teams asks bots to retry these (429, 412, 502, 503, 504). */
const TRANSIENT = new Set([0, 401, 408, 412, 500, 502, 503, 504]);

/**
 * What to do after a failed request to Teams. 429 waits as long as Teams said (Retry-After);
 * other transient failures back off exponentially with jitter so retries don't arrive together;
 * 403 (bot blocked or removed) and 404 (conversation gone) are final, as is any other 4xx.
 */
export function decideRetry(
  error: unknown,
  attempt: number,
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
  if (attempt >= options.maxAttempts) {
    return {
      retry: false,
      status: status || null,
      reason: `Gave up after ${attempt} attempts; the last answer was ${status || "no answer"}: ${described}`,
    };
  }
  const random = options.random ?? Math.random;
  const backoff = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** (attempt - 1));
  const jittered = Math.round(backoff * (0.5 + random() * 0.5));
  if (status === 429 && error instanceof ConnectorError && error.retryAfterMs !== null) {
    // A little jitter on top, so every throttled request doesn't come back in the same instant.
    const extra = Math.round(Math.min(error.retryAfterMs, 1_000) * random() * 0.2);
    return { retry: true, delayMs: error.retryAfterMs + extra, reason: "throttled (429)" };
  }
  return { retry: true, delayMs: jittered, reason: `${status || "no answer"}: ${described}` };
}

function describeFailure(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}
