import type { DmtOutstandingInput } from "../cards/dmt-outstanding-card.ts";
import type { OwedGroup } from "../cards/review-lists.ts";
import { todayIn } from "../domain/calendar.ts";
import { addDays, type IsoDate } from "../domain/iso-date.ts";
import { isWorkingDay } from "../domain/working-days.ts";
import type { ReviewLists, ReviewStatus } from "./review-status.ts";

/** Working days after `from` up to and including `to` (0 when `to` is not later). */
export function workingDaysBetween(from: IsoDate, to: IsoDate): number {
  let count = 0;
  for (let day = addDays(from, 1); day <= to; day = addDays(day, 1))
    if (isWorkingDay(day)) count += 1;
  return count;
}

/**
 * Who still owes what, as DMT reads it: people by name, then returned updates waiting for their
 * author, then Lead values nobody in the directory answers for.
 */
export function owedGroups(status: ReviewLists): OwedGroup[] {
  const returned = new Map<string, string[]>();
  for (const item of status.returned)
    returned.set(item.lead, [...(returned.get(item.lead) ?? []), item.ref]);
  return [
    ...status.owing.map((o) => ({ who: o.name, refs: o.refs })),
    ...[...returned].map(([who, refs]) => ({ who: `${who} (returned, to revise)`, refs })),
    ...status.noLeadInDirectory.map((n) => ({
      who: `${n.lead} (no lead in the directory)`,
      refs: n.refs,
    })),
  ];
}

export function dmtOutstandingInput(
  status: ReviewStatus,
  today: IsoDate,
  timeZone: string,
): DmtOutstandingInput {
  return {
    quarter: status.quarter,
    reviewDate: status.reviewDate,
    owing: owedGroups(status),
    // With several plans, who owes what under each plan's name: 1.1 owed in two plans shows twice.
    ...(status.plans
      ? { owingByPlan: status.plans.map((p) => ({ name: p.planName, owing: owedGroups(p) })) }
      : {}),
    awaiting: status.awaitingSignOff.map((item) => ({
      ...item,
      workingDaysWaiting: workingDaysBetween(todayIn(timeZone, new Date(item.submittedAt)), today),
    })),
    timeZone,
  };
}
