/**
 * How fresh answers are kept. Every answer comes from an index no older than `maxAgeMs` (older,
 * and the question waits for a refresh first); a background refresh every half of that keeps
 * questions from waiting. A refresh reads the store, so its period grows with what a read costs:
 * reading at most one part in `READ_SHARE_DIVISOR` of the time keeps answers quick even when the
 * store is slow to search (the embedded store scans every document on each read).
 */
export const MIN_MAX_AGE_MS = 1_000;
const READ_SHARE_DIVISOR = 40;

/** After this long without a question the background refresh stops; the next question restarts it. */
export const IDLE_AFTER_MS = 5 * 60_000;

export function maxAgeFor(lastReadMs: number): number {
  return Math.max(MIN_MAX_AGE_MS, Math.ceil(lastReadMs * READ_SHARE_DIVISOR));
}

export function backgroundPeriodFor(lastReadMs: number): number {
  return Math.ceil(maxAgeFor(lastReadMs) / 2);
}

/** Whether an index last refreshed at `refreshedAtMs` (null: never) may answer at `nowMs`. */
export function isFreshEnough(
  refreshedAtMs: number | null,
  nowMs: number,
  lastReadMs: number,
): boolean {
  return refreshedAtMs !== null && nowMs - refreshedAtMs <= maxAgeFor(lastReadMs);
}
