import { setTimeout as sleep } from "node:timers/promises";
import { ConnectorError } from "../outbox/connector-error.ts";
import { decideRetry, type RetryPolicyOptions } from "../outbox/retry-policy.ts";
import type { SendRateLimiter } from "../outbox/send-rate-limiter.ts";

/** While a person waits on a reply: a few quick retries, never a long wait. */
const INTERACTIVE_RETRY: RetryPolicyOptions = {
  maxAttempts: 3,
  baseDelayMs: 400,
  maxDelayMs: 4_000,
  deadlineMs: 15_000,
};
const LONGEST_WAIT_MS = 10_000;

/**
 * Runs requests made during a turn (replies, member look-ups, roster pages) inside the same rate
 * limits as the proactive sender, retrying throttling and short outages a few times.
 */
export class ConnectorCalls {
  constructor(
    private readonly limiter: SendRateLimiter,
    private readonly retry: RetryPolicyOptions = INTERACTIVE_RETRY,
  ) {}

  async run<T>(conversationId: string | null, call: () => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      const slot = await this.limiter.acquire(conversationId);
      try {
        const result = await call();
        slot.finished();
        return result;
      } catch (error) {
        if (error instanceof ConnectorError && error.status === 429) {
          // Before the slot is given back, so nothing slips into the conversation in between.
          slot.throttled(error.retryAfterMs);
        }
        slot.finished();
        // A person is waiting: every try counts, 429s too, and none waits long.
        const decision = decideRetry(error, { attempt, throttles: attempt, ageMs: 0 }, this.retry);
        if (!decision.retry || decision.delayMs > LONGEST_WAIT_MS) throw error;
        await sleep(decision.delayMs);
      }
    }
  }
}
