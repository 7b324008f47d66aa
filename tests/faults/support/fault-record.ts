import type { DeliveryTally } from "./deliveries.ts";

/** What a fault case counted, attached to its test for the summary printed at the end. */
export interface FaultRecord {
  /** Messages (or decisions, or requests) the case checked. */
  messages: number;
  /** Extra copies that no sender should have made. */
  duplicates: number;
  /**
   * Extra copies of messages Teams had accepted when a kill -9 struck but the outbox had not yet
   * recorded: Teams offers no way to ask whether a message arrived, so a restart sends those again.
   */
  unrecordedRepeats?: number;
  lost: number;
  /** Anything worth reading beside the figures. */
  note?: string;
}

declare module "@vitest/runner" {
  interface TaskMeta {
    fault?: FaultRecord;
  }
}

export const recordOf = (tally: DeliveryTally, note?: string): FaultRecord => ({
  messages: tally.delivered,
  duplicates: tally.duplicates,
  lost: tally.lost + tally.unexpected,
  note,
});
