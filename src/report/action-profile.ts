import { dueDateText } from "../cards/due-date-text.ts";
import { type Action, actionTitle } from "../domain/action.ts";
import type { IsoDate } from "../domain/iso-date.ts";
import type { Quarter } from "../domain/quarter.ts";
import type { Rag } from "../domain/rag.ts";
import { isOverdue } from "../domain/rag-rules.ts";
import type { Update } from "../domain/update.ts";
import { webLink } from "../domain/web-link.ts";

/** Where this quarter's update stands: only an approved one is progress the report may state. */
export type QuarterUpdateState =
  | { kind: "approved"; decidedBy: string; decidedAt: string }
  | { kind: "awaiting"; submittedBy: string; submittedAt: string }
  | { kind: "returned"; submittedBy: string }
  | { kind: "none" };

/** One action as the storyboard tells it: where we were, what we have done, what next. */
export interface ActionProfile {
  ref: string;
  title: string;
  developmentAction: string;
  /** What the action aimed for (the plan's Expected Outcome). */
  expectedOutcome: string;
  lead: string;
  dueText: string;
  /** The official RAG, which only a DMT approval (or the plan's own file) sets. */
  rag: Rag | null;
  overdue: boolean;
  complete: boolean;
  thisQuarter: QuarterUpdateState;
  /** Progress DMT agreed: this quarter's approved update, else the latest earlier one, with its quarter. */
  agreedProgress: { quarter: Quarter; text: string } | null;
  difference: string | null;
  nextSteps: string | null;
  /** A revised completion date DMT approved this quarter, with its reason. */
  revisedDate: { date: IsoDate; reason: string } | null;
  evidenceUrl: string | null;
}

const isApproved = (u: Update) => u.state === "approved" && u.decision?.outcome === "approved";

function stateOf(update: Update | undefined): QuarterUpdateState {
  if (!update) return { kind: "none" };
  if (isApproved(update) && update.decision)
    return { kind: "approved", decidedBy: update.decision.byName, decidedAt: update.decision.at };
  if (update.state === "returned") return { kind: "returned", submittedBy: update.authorName };
  return { kind: "awaiting", submittedBy: update.authorName, submittedAt: update.submittedAt };
}

const text = (value: string | undefined | null): string | null =>
  value && value.trim() !== "" ? value.trim() : null;

/**
 * An action's profile for a quarter, from its updates of every quarter. Nothing from an update
 * that DMT has not approved reaches the profile's progress, difference, next steps or dates.
 */
export function actionProfile(
  action: Action,
  updates: readonly Update[],
  quarter: Quarter,
  today: IsoDate,
): ActionProfile {
  const own = updates.filter((u) => u.ref === action.ref && u.quarter <= quarter);
  const current = own.find((u) => u.quarter === quarter);
  const agreed = own
    .filter(isApproved)
    .sort((a, b) => a.quarter.localeCompare(b.quarter))
    .at(-1);
  const agreedNow = agreed?.quarter === quarter ? agreed : undefined;
  return {
    ref: action.ref,
    title: actionTitle(action),
    developmentAction: action.developmentAction.trim(),
    expectedOutcome: action.expectedOutcome.trim(),
    lead: action.lead,
    dueText: dueDateText(action.completionDate),
    rag: action.rag,
    overdue: isOverdue(action, today),
    complete: action.complete,
    thisQuarter: stateOf(current),
    agreedProgress: agreed ? { quarter: agreed.quarter, text: agreed.progress.trim() } : null,
    // The form's optional answers: absent on an update written before the form asked them, or
    // left blank, so the profile adds no heading and no invented text.
    difference: text(agreed?.difference),
    nextSteps: text(agreed?.nextSteps),
    revisedDate: agreedNow?.revisedDate
      ? { date: agreedNow.revisedDate, reason: agreedNow.revisedDateReason.trim() }
      : null,
    evidenceUrl: agreed ? webLink(agreed.evidenceUrl) : null,
  };
}
