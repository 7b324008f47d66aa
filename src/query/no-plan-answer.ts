import { buildNoticeCard } from "../cards/notice-card.ts";
import { NO_PLAN_YET } from "../plans/no-plan-yet.ts";
import type { Answer } from "./answer-query.ts";
import type { PlanSnapshot } from "./plan-snapshot.ts";

/** True when the store holds no plan's actions at all (a production store before its import). */
export function holdsNoPlan(snapshot: PlanSnapshot): boolean {
  return snapshot.actions.length === 0 && !snapshot.plans?.some((p) => p.actions.length > 0);
}

/** Instead of "No actions match": the plan is not there yet, and how to bring it in. */
export function noPlanYetAnswer(): Answer {
  return {
    card: buildNoticeCard({
      title: NO_PLAN_YET.title,
      lines: [NO_PLAN_YET.message, NO_PLAN_YET.fix],
    }),
    summary: `${NO_PLAN_YET.message} ${NO_PLAN_YET.fix}`,
  };
}
