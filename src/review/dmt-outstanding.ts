import type { DmtOutstandingInput } from "../cards/dmt-outstanding-card.ts";
import type { OwedGroup } from "../cards/review-lists.ts";
import { todayIn } from "../domain/calendar.ts";
import type { IsoDate } from "../domain/iso-date.ts";
import { workingDaysBetween } from "../domain/working-days.ts";
import type { ReviewLists, ReviewStatus } from "./review-status.ts";

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
