/**
 * Where the next "what changed?" read starts, in Cosmos `_ts` seconds (the server's clock, whole
 * seconds). A document written after a read has a `_ts` no earlier than the server's clock at that
 * read, so starting at the newest `_ts` already seen never misses a write. Alone, that re-reads the
 * last busy second on every poll until something newer is written; so once our own clock says the
 * read began `CLOCK_ALLOWANCE_SECONDS` after that second, the window moves up to the read's start
 * less that allowance, which is safe while the two clocks agree within it.
 */
export const CLOCK_ALLOWANCE_SECONDS = 5;

export function nextPollSince(newestSeenTs: number, readStartedAtMs: number): number {
  return Math.max(newestSeenTs, Math.floor(readStartedAtMs / 1000) - CLOCK_ALLOWANCE_SECONDS);
}
