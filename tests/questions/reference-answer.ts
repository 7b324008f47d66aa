import type { Action } from "../../src/domain/action.ts";
import type { Rag } from "../../src/domain/rag.ts";
import type { Update } from "../../src/domain/update.ts";
import { CURRENT_QUARTER, LAST_QUARTER } from "./history.ts";
import type { Holiday, Intent, MonthFilter } from "./intent.ts";
import { type PlanName, readingsOf } from "./plan-names.ts";
import { type CorpusPlan, TODAY } from "./plans.ts";

/** What a manager should get back: these actions, a "which one?" question, or "no such action". */
export type Expected =
  | { kind: "refs"; refs: string[] }
  | { kind: "asksWhich" }
  | { kind: "noSuchAction"; ref: string };

/**
 * The reference answer to a question's intent, from the plan's data directly. Written from the
 * README, interface.md and the issue, not from the parser; where they are silent the choice made is
 * written beside the rule. Every filter must hold (AND); a subject's readings are in plan-names.ts.
 */
export function referenceAnswer(
  intent: Intent,
  corpus: CorpusPlan,
  names: readonly PlanName[],
): Expected {
  if (intent.ref !== undefined) {
    // A Ref is found ignoring case ("csc-07" is CSC-07), as the README says of questions.
    const action = corpus.actions.find((a) => a.ref.toLowerCase() === intent.ref?.toLowerCase());
    return action
      ? { kind: "refs", refs: [action.ref] }
      : { kind: "noSuchAction", ref: intent.ref };
  }
  let subjectRefs: Set<string> | null = null;
  if (intent.subject !== undefined) {
    const all = readingsOf(intent.subject, names);
    // "the hubs section": the word beside the phrase says which kind of name is meant.
    const readings = intent.kind ? all.filter((r) => r.kind === intent.kind) : all;
    // Two names sharing the phrase (and naming different actions): the issue says ask which.
    if (readings.length > 1) return { kind: "asksWhich" };
    subjectRefs = new Set(readings[0]?.refs ?? []);
  }
  const history = new QuarterHistory(corpus.updates);
  const refs = corpus.actions
    .filter((action) => subjectRefs === null || subjectRefs.has(action.ref))
    .filter(
      (action) =>
        !intent.priorities || action.priorities.some((n) => intent.priorities?.includes(n)),
    )
    .filter((action) => !intent.rags || intent.rags.includes(action.rag as Rag))
    // "not green" keeps the unrated: they are not Green (interface: "not green" works alone).
    .filter((action) => !intent.notRag || action.rag !== intent.notRag)
    .filter((action) => !intent.text || mentions(action, intent.text))
    .filter((action) => !intent.date || dateHolds(intent.date, action))
    // "red or overdue": the issue asks that it be answered, as the union of the two.
    .filter(
      (action) =>
        !intent.either ||
        intent.either.rags.includes(action.rag as Rag) ||
        dateHolds(intent.either.date, action),
    )
    .filter((action) => !intent.state || history.stateHolds(intent.state, action))
    .filter((action) => !intent.history || history.historyHolds(intent.history, action))
    .map((action) => action.ref);
  return { kind: "refs", refs: refs.sort() };
}

/**
 * Free text: the word is written in the action's title, outcome, delivery area or the plan's
 * progress note (README: a question's other words are looked for in the plan's text), any case.
 */
function mentions(action: Action, word: string): boolean {
  const text = [
    action.developmentAction,
    action.expectedOutcome,
    action.deliveryArea,
    action.progressUpdate,
  ].join(" ");
  return new RegExp(`\\b${word}\\b`, "i").test(text);
}

/**
 * A month named alone is the next one to end on or after today (23 November 2026): "March" is
 * March 2027, "December" December 2026, as the README's "due before March" reads at that 'today'.
 */
export function monthEnd(month: number): string {
  const [year, thisMonth] = TODAY.split("-").map(Number) as [number, number];
  const y = month >= thisMonth ? year : year + 1;
  const last = new Date(Date.UTC(y, month, 0)).getUTCDate();
  return `${y}-${String(month).padStart(2, "0")}-${String(last).padStart(2, "0")}`;
}

function dayBeforeMonth(month: number): string {
  const end = monthEnd(month);
  const first = new Date(`${end.slice(0, 8)}01T00:00:00Z`);
  first.setUTCDate(0);
  return first.toISOString().slice(0, 10);
}

function dateHolds(date: MonthFilter, action: Action): boolean {
  const due = action.completionDate.due;
  // TBC, Ongoing and the like have no due date: never overdue, never due before or after anything.
  if (due === null) return false;
  switch (date.kind) {
    // Overdue: the due date has passed (today itself is not late) and the action is not complete.
    case "overdue":
      return due < TODAY && !action.complete;
    // "Due by/before end of March" asks when actions fall due, done or not: complete ones count.
    case "dueByEndOf":
      return due <= monthEnd(date.month);
    case "dueBefore":
      return due <= dayBeforeMonth(date.month);
    case "dueAfter":
      return due > monthEnd(date.month);
    // "by Christmas" includes the day, "before Christmas" does not (README, "Asking questions").
    case "holiday":
      return date.before ? due < HOLIDAY_DAYS[date.holiday] : due <= HOLIDAY_DAYS[date.holiday];
  }
}

/**
 * The next of each holiday after TODAY (23 November 2026), written out by hand from the calendar
 * rather than worked out: Christmas Day, New Year's Day and Easter Sunday 2027.
 */
const HOLIDAY_DAYS: Record<Holiday, string> = {
  christmas: "2026-12-25",
  newYear: "2027-01-01",
  easter: "2027-03-28",
};

const WORSE: Record<Rag, number> = { Green: 0, Amber: 1, Red: 2 };

/** This quarter's and last quarter's updates, by Ref. */
class QuarterHistory {
  private readonly now = new Map<string, Update>();
  private readonly before = new Map<string, Update>();

  constructor(updates: readonly Update[]) {
    for (const update of updates) {
      if (update.quarter === CURRENT_QUARTER) this.now.set(update.ref, update);
      if (update.quarter === LAST_QUARTER && update.state === "approved")
        this.before.set(update.ref, update);
    }
  }

  stateHolds(state: "awaiting" | "notUpdated", action: Action): boolean {
    const update = this.now.get(action.ref);
    // Awaiting a DMT decision: this quarter's update is submitted and not yet decided.
    if (state === "awaiting") return update?.state === "submitted";
    // Not updated this quarter: an open action with no update of any state this quarter (a
    // returned update was written, so it is not "not updated"); complete actions owe none.
    return !action.complete && update === undefined;
  }

  /**
   * Only DMT-approved updates change an action's official RAG. Its RAG last quarter is last
   * quarter's approved RAG, else the RAG this quarter's approved update replaced, else (nothing
   * approved this quarter) the RAG it still has.
   */
  private ragLastQuarter(action: Action): Rag | null {
    const approvedNow = this.approvedNow(action);
    const before = this.before.get(action.ref)?.proposedRag;
    if (approvedNow) return before ?? approvedNow.previousRag;
    return before ?? action.rag;
  }

  private approvedNow(action: Action): Update | undefined {
    const update = this.now.get(action.ref);
    return update?.state === "approved" ? update : undefined;
  }

  historyHolds(
    history: "redLastQuarter" | "wentRed" | "changed" | "worse",
    action: Action,
  ): boolean {
    const then = this.ragLastQuarter(action);
    const now = this.approvedNow(action)?.proposedRag;
    switch (history) {
      case "redLastQuarter":
        return then === "Red";
      // Went red: this quarter's approved RAG is Red and last quarter's was not.
      case "wentRed":
        return now === "Red" && then !== "Red";
      // Changed since the last review: this quarter's approved RAG differs from last quarter's.
      case "changed":
        return now !== undefined && now !== then;
      // Got worse: Green → Amber → Red, comparing this quarter's approved RAG with last quarter's.
      case "worse":
        return now !== undefined && then !== null && WORSE[now] > WORSE[then];
    }
  }
}
