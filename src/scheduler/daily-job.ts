import type { IsoDate } from "../domain/iso-date.ts";

/** Work the scheduler runs once a working day (at 09:00 in REVIEW_TIMEZONE), on one instance only. */
export interface DailyJob {
  name: string;
  run(today: IsoDate): Promise<void>;
}
