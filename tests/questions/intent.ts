import type { Rag } from "../../src/domain/rag.ts";

/** A month named in a question ("end of March"), as a number 1–12. */
export type MonthFilter =
  | { kind: "overdue" }
  /** "due by end of March", "due before end of March": on or before that month's last day. */
  | { kind: "dueByEndOf"; month: number }
  /** "due before March": before that month begins. */
  | { kind: "dueBefore"; month: number }
  /** "due after March": after that month's last day. */
  | { kind: "dueAfter"; month: number }
  /** "due by Christmas", "before xmas", "by Easter": a calendar day managers name by its holiday. */
  | { kind: "holiday"; holiday: Holiday; before: boolean };

export type Holiday = "christmas" | "newYear" | "easter";

export type HistoryFilter = "redLastQuarter" | "wentRed" | "changed" | "worse";

/**
 * What a generated question means, written by the generator beside its words. The reference
 * evaluator answers from this and the plan's data alone.
 */
export type Intent = {
  /** A name, part of a name or abbreviation as the question says it. */
  subject?: string;
  rags?: Rag[];
  /** "not green", "that aren't green". */
  notRag?: Rag;
  date?: MonthFilter;
  state?: "awaiting" | "notUpdated";
  history?: HistoryFilter;
  /** "red or overdue": an action with one of these RAGs or meeting this date will do. */
  either?: { rags: Rag[]; date: MonthFilter };
  /** "the family hubs priority": the kind of name the subject is, said beside it. */
  kind?: "priority" | "section";
  /** Free text: a word no name holds, found in an action's text or the plan's progress note. */
  text?: string;
  /** "R3", "recommendation 3": the priorities whose names start with the label asked for. */
  priorities?: number[];
  /** "tell me about CSC-07". */
  ref?: string;
};
