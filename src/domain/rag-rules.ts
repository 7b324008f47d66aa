import type { Action } from "./action.ts";
import { addDays, formatLongDate, type IsoDate } from "./iso-date.ts";
import type { Rag } from "./rag.ts";

export type RagReading =
  | { ok: true; rag: Rag | null; complete: boolean }
  | { ok: false; reason: string };

const RAG_BY_TEXT: ReadonlyMap<string, { rag: Rag; complete: boolean }> = new Map([
  ["red", { rag: "Red", complete: false }],
  ["r", { rag: "Red", complete: false }],
  ["amber", { rag: "Amber", complete: false }],
  ["a", { rag: "Amber", complete: false }],
  ["green", { rag: "Green", complete: false }],
  ["g", { rag: "Green", complete: false }],
  // The plan's key counts a completed action as Green.
  ["complete", { rag: "Green", complete: true }],
  ["completed", { rag: "Green", complete: true }],
]);

/** Reads a RAG cell: Red / Amber / Green, R / A / G, or Complete(d), in any case; empty is unrated. */
export function parseRag(text: string): RagReading {
  const key = text.toLowerCase().replace(/\s+/g, "");
  if (key === "") return { ok: true, rag: null, complete: false };
  const reading = RAG_BY_TEXT.get(key);
  if (reading) return { ok: true, ...reading };
  return {
    ok: false,
    reason: `"${text.trim()}" is not a RAG rating: use Red, Amber or Green (or R, A, G), or Complete for a finished action`,
  };
}

type RatedAction = Pick<Action, "completionDate" | "complete" | "rag">;

/** How close a due date must be before an action that is already slipping counts as at risk. */
const AT_RISK_DAYS = 30;

/** Past its due date and not complete. Due today is not yet overdue. */
export function isOverdue(
  action: Pick<Action, "completionDate" | "complete">,
  today: IsoDate,
): boolean {
  const due = action.completionDate.due;
  return !action.complete && due !== null && due < today;
}

/**
 * The rating the plan's key suggests for an action today, with the reason in words a lead would
 * use. It is a suggestion: the lead proposes and DMT decides.
 */
export function suggestRag(action: RatedAction, today: IsoDate): { rag: Rag; reason: string } {
  if (action.complete)
    return { rag: "Green", reason: "marked complete: the plan's key says Green" };
  const due = action.completionDate.due;
  if (due === null) return { rag: action.rag ?? "Amber", reason: "no completion date set" };
  const dueText = formatLongDate(due);
  if (due < today)
    return { rag: "Red", reason: `due ${dueText} has passed: the plan's key says Red` };
  if (due <= addDays(today, AT_RISK_DAYS) && (action.rag === "Amber" || action.rag === "Red")) {
    return {
      rag: "Amber",
      reason: `due ${dueText}, within ${AT_RISK_DAYS} days, and not yet on track: the plan's key says Amber (at risk)`,
    };
  }
  if (action.rag === null) return { rag: "Amber", reason: "not yet rated" };
  return { rag: action.rag, reason: `due ${dueText}: keeping the current rating, ${action.rag}` };
}

/**
 * Green for an action past its due date and not complete contradicts the plan's key ("timescale
 * being achieved"), so the lead is asked to say why before DMT sees it.
 */
export function greenNeedsJustification(
  action: Pick<Action, "completionDate" | "complete">,
  proposed: Rag,
  today: IsoDate,
): boolean {
  return proposed === "Green" && isOverdue(action, today);
}
