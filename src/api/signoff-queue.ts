import { type Action, actionTitle } from "../domain/action.ts";
import { quarterLabel, todayIn } from "../domain/calendar.ts";
import { isSlowDecision } from "../domain/decision-rules.ts";
import type { IsoDate } from "../domain/iso-date.ts";
import { compareRefs } from "../domain/ref-order.ts";
import { type Update, updatePlanId } from "../domain/update.ts";
import { workingDaysBetween } from "../domain/working-days.ts";

/** An update waiting for a DMT decision. */
export interface QueueItem {
  /** The action's plan: with several plans, Ref 1.1 may be waiting in each. */
  planId: string;
  planName: string;
  ref: string;
  title: string;
  lead: string;
  quarter: string;
  quarterLabel: string;
  submittedBy: string;
  submittedAt: string;
  workingDaysWaiting: number;
  /** Waited long enough to be a slow decision: the tab shows it in bold, as DMT's reminder lists it. */
  slowDecision: boolean;
  previousRag: string | null;
  proposedRag: string;
  progress: string;
  revisedDate: IsoDate | null;
  revisedDateReason: string;
  proposeCompletion: boolean;
}

/**
 * Every update awaiting sign-off, the longest-waiting first. `actions` may span plans: each update is
 * matched to the action of its Ref in its own plan, and named by `planNames`.
 */
export function buildSignOffQueue(
  actions: Action[],
  updates: Update[],
  today: IsoDate,
  timeZone: string,
  planNames: ReadonlyMap<string, string> = new Map(),
): QueueItem[] {
  const key = (planId: string, ref: string) => `${planId}\u0000${ref}`;
  const byRef = new Map(actions.map((a) => [key(a.planId, a.ref), a]));
  return updates
    .filter((u) => u.state === "submitted")
    .map((u) => {
      const planId = updatePlanId(u);
      const action = byRef.get(key(planId, u.ref));
      return {
        planId,
        planName: planNames.get(planId) ?? planId,
        ref: u.ref,
        title: action ? actionTitle(action) : "(this action is no longer in the plan)",
        lead: action?.lead ?? "",
        quarter: u.quarter,
        quarterLabel: quarterLabel(u.quarter),
        submittedBy: u.authorName,
        submittedAt: u.submittedAt,
        ...waited(workingDaysBetween(todayIn(timeZone, new Date(u.submittedAt)), today)),
        previousRag: u.previousRag,
        proposedRag: u.proposedRag,
        progress: u.progress,
        revisedDate: u.revisedDate,
        revisedDateReason: u.revisedDateReason,
        proposeCompletion: u.proposeCompletion,
      };
    })
    .sort((x, y) => x.submittedAt.localeCompare(y.submittedAt) || compareRefs(x.ref, y.ref));
}

/** How long an update has waited, and whether that makes it a slow decision. */
function waited(
  workingDaysWaiting: number,
): Pick<QueueItem, "workingDaysWaiting" | "slowDecision"> {
  return { workingDaysWaiting, slowDecision: isSlowDecision(workingDaysWaiting) };
}
