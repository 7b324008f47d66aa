/**
 * Azure Cosmos DB answers 429 when a request would exceed the provisioned request units; the
 * embedded store never runs out. Tests set EMBEDDED_STORE_THROTTLE_RATE (0 to 1) to have that
 * share of document requests answered 429, proving the SDK's retries and what a person is told
 * when they run out. The pattern is fixed, not random (0.5 throttles every other request), so a
 * test sees the same thing every run.
 */
import { z } from "zod";

const throttleEnv = z.object({
  EMBEDDED_STORE_THROTTLE_RATE: z.coerce.number().min(0).max(1).default(0),
});

/** The rate the environment asks for; 0 (never) unless a test set it. */
export function throttleRateFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  const parsed = throttleEnv.safeParse(env);
  if (!parsed.success) {
    throw new Error(
      "EMBEDDED_STORE_THROTTLE_RATE must be a number from 0 to 1 (the share of requests answered 429).",
    );
  }
  return parsed.data.EMBEDDED_STORE_THROTTLE_RATE;
}

/** Says, request by request, whether to answer 429: `rate` of them, spread evenly. */
export function throttler(rate: number): () => boolean {
  let owed = 0;
  return () => {
    if (rate <= 0) return false;
    owed += rate;
    if (owed < 1 - 1e-9) return false;
    owed -= 1;
    return true;
  };
}

/** Azure's answer to a throttled request (substatus 3200: request units exhausted). */
export const THROTTLED = {
  status: 429,
  code: "TooManyRequests",
  message:
    "Request rate is large. More Request Units may be needed, so no changes were made. Please retry this request later.",
  headers: { "x-ms-retry-after-ms": "1", "x-ms-substatus": "3200" },
} as const;
