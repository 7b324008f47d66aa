import type { Action } from "./action.ts";
import { addDays, formatLongDate, type IsoDate } from "./iso-date.ts";
import type { Rag } from "./rag.ts";

export type RagReading =
  | { ok: true; rag: Rag | null; complete: boolean }
  | { ok: false; reason: string };

type RagValue = { rag: Rag; complete: boolean };
const RED: RagValue = { rag: "Red", complete: false };
const AMBER: RagValue = { rag: "Amber", complete: false };
const GREEN: RagValue = { rag: "Green", complete: false };
/** The plan's key counts a completed action as Green; BRAG's Blue is "complete". */
const DONE: RagValue = { rag: "Green", complete: true };

/**
 * Every way a RAG cell is written, simplified (lower case, letters only). Besides the colours and
 * their letters: BRAG's Blue / B (complete), and the words of the plan's own key (Rutland 2022-23:
 * Red "timescale not being achieved", Amber "not yet commenced … or at risk", Green "underway and
 * timescale being achieved, or completed"), which councils often write instead of a colour.
 */
const RAG_BY_TEXT: ReadonlyMap<string, RagValue> = new Map<string, RagValue>([
  ["red", RED],
  ["r", RED],
  ["offtrack", RED],
  ["notontrack", RED],
  ["delayed", RED],
  ["overdue", RED],
  ["amber", AMBER],
  ["a", AMBER],
  ["atrisk", AMBER],
  ["notstarted", AMBER],
  ["notyetstarted", AMBER],
  ["notyetcommenced", AMBER],
  ["green", GREEN],
  ["g", GREEN],
  ["ontrack", GREEN],
  ["complete", DONE],
  ["completed", DONE],
  ["done", DONE],
  ["blue", DONE],
  ["b", DONE],
]);

const simplify = (text: string) => text.toLowerCase().replace(/[^a-z]/g, "");

/**
 * "Amber – at risk", "Green (on track)", "BLUE: complete": a colour first, then its meaning in
 * words. The colour decides, so a cell reads the same however its explanation is worded. Two
 * colours ("Amber/Green") are refused: which one is for the council to say.
 */
const LEADING_COLOUR = /^\s*(red|amber|green|blue)(?![a-z])\s*[-–—:(.]/i;

/**
 * Reads a RAG cell: Red / Amber / Green, R / A / G, Complete(d), BRAG's Blue / B, or the key's
 * own words (On track, At risk, Not started, Off track), in any case; empty is unrated.
 */
export function parseRag(text: string): RagReading {
  const key = simplify(text);
  if (key === "") return { ok: true, rag: null, complete: false };
  const reading =
    RAG_BY_TEXT.get(key) ?? RAG_BY_TEXT.get(LEADING_COLOUR.exec(text)?.[1]?.toLowerCase() ?? "");
  if (reading) return { ok: true, ...reading };
  return {
    ok: false,
    reason: `"${text.trim()}" is not a RAG rating: use Red, Amber or Green (or R, A, G), Blue or Complete for a finished action, or the key's words On track, At risk, Not started or Off track`,
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
