import { DECISION_WAIT_WORKING_DAYS } from "../cards/dmt-outstanding-card.ts";
import { todayIn } from "../domain/calendar.ts";
import { addDays, type IsoDate } from "../domain/iso-date.ts";
import type { Update } from "../domain/update.ts";
import { isWorkingDay } from "../domain/working-days.ts";

/** An update waiting longer than this many working days is listed in DMT's reminder. */
export const DECISION_WAIT_LIMIT = DECISION_WAIT_WORKING_DAYS;

/** Working days after `from` up to and including `to`: sent on a Monday, the next Monday is 5. */
export function workingDaysBetween(from: IsoDate, to: IsoDate): number {
  let count = 0;
  for (let day = addDays(from, 1); day <= to; day = addDays(day, 1)) {
    if (isWorkingDay(day)) count += 1;
  }
  return count;
}

export interface WaitingUpdate {
  update: Update;
  workingDaysWaiting: number;
}

/** Every update still awaiting a decision, with how long it has waited, longest first. */
export function awaitingDecision(
  updates: readonly Update[],
  today: IsoDate,
  timeZone: string,
): WaitingUpdate[] {
  return updates
    .filter((update) => update.state === "submitted" && !update.decision)
    .map((update) => ({
      update,
      workingDaysWaiting: workingDaysBetween(
        todayIn(timeZone, new Date(update.submittedAt)),
        today,
      ),
    }))
    .sort(
      (a, b) =>
        b.workingDaysWaiting - a.workingDaysWaiting ||
        a.update.ref.localeCompare(b.update.ref, "en", { numeric: true }),
    );
}

/** The updates DMT should be reminded of: waiting more than the limit. */
export function slowDecisions(
  updates: readonly Update[],
  today: IsoDate,
  timeZone: string,
): WaitingUpdate[] {
  return awaitingDecision(updates, today, timeZone).filter(
    (w) => w.workingDaysWaiting > DECISION_WAIT_LIMIT,
  );
}
