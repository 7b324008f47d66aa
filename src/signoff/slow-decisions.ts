import { todayIn } from "../domain/calendar.ts";
import { isSlowDecision } from "../domain/decision-rules.ts";
import type { IsoDate } from "../domain/iso-date.ts";
import { compareRefs } from "../domain/ref-order.ts";
import type { Update } from "../domain/update.ts";
import { workingDaysBetween } from "../domain/working-days.ts";

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
        b.workingDaysWaiting - a.workingDaysWaiting || compareRefs(a.update.ref, b.update.ref),
    );
}

/** The updates DMT should be reminded of: those whose decision is slow. */
export function slowDecisions(
  updates: readonly Update[],
  today: IsoDate,
  timeZone: string,
): WaitingUpdate[] {
  return awaitingDecision(updates, today, timeZone).filter((w) =>
    isSlowDecision(w.workingDaysWaiting),
  );
}
