import type { IsoDate } from "../domain/iso-date.ts";

/** Work the scheduler runs once a working day (at 09:00 in REVIEW_TIMEZONE), on one instance only. */
export interface DailyJob {
  name: string;
  run(today: IsoDate): Promise<void>;
  /**
   * Work to finish at every start, on every instance, before waiting for the day's run: what a
   * stopped process left half done (a round cut short while being queued). Must be idempotent.
   */
  atStart?(): Promise<void>;
}
