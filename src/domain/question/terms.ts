import type { DateFilter, LeadFilter, RagChoice, ReviewFilter } from "./query.ts";

/** One recognised piece of a message. The query builder turns a list of these into a query. */
export type Term =
  | { kind: "rag"; rags: RagChoice[] }
  /** `plan`: a priority named by its name in a store of several plans is that plan's. */
  | { kind: "priority"; numbers: number[]; plan?: string }
  /** One of the store's plans, by its id. */
  | { kind: "plan"; id: string }
  /** Words several plans' names share ("improvement plan"): which of them is meant must be asked. */
  | { kind: "planChoice"; ids: string[] }
  | { kind: "lead"; lead: LeadFilter }
  | { kind: "mine" }
  | { kind: "date"; date: DateFilter }
  | { kind: "review"; review: ReviewFilter }
  | { kind: "completion"; completion: "complete" | "open" }
  | { kind: "section"; name: string }
  | { kind: "area"; name: string }
  | { kind: "ref"; ref: string }
  /** A Ref written like the plan's ("CSC-45") that the plan does not hold. */
  | { kind: "missingRef"; ref: string }
  /** A priority, Lead, area or section named by a part of its name ("SEND"): said in the answer. */
  /** `kindSaid`: the question said which kind of name it is ("the hubs section"). */
  | { kind: "namePart"; name: NameTerm; label: string; kindSaid?: boolean }
  /** A part several names share ("wellbeing" of a priority and an area): the person picks one. */
  | { kind: "nameChoice"; options: NameOption[] }
  /** "last quarter" beside a RAG: the ratings DMT had approved by the end of that quarter. */
  | { kind: "asAt"; quartersBack: number }
  | { kind: "count" }
  | { kind: "summary" }
  /** "all", "everything", "actions": a list of everything is wanted. */
  | { kind: "everything" }
  /** "about", "mentioning": what follows is text to search for. */
  | { kind: "about" }
  /** "for", "led by": a name follows, so an unknown word after it was meant as one. */
  | { kind: "nameMarker" }
  | { kind: "or" }
  | { kind: "and" }
  | { kind: "negation" }
  | { kind: "filler" }
  /** A word nothing else claimed; `inPlan` when the plan's own text uses it (free-text search). */
  | { kind: "word"; inPlan: boolean }
  /** Understood, but it cannot be answered (priority 9 in a plan of five); the reason says why. */
  | { kind: "problem"; reason: string };

/** The terms a plan's own names stand for. */
export type NameTerm = Extract<Term, { kind: "priority" | "lead" | "area" | "section" }>;

/** One name a shared part may mean: how it is shown, and its whole name to ask again with. */
export type NameOption = { term: NameTerm; label: string; name: string };

/** A term and the tokens it covers, `end` exclusive. */
export type Span = { term: Term; start: number; end: number };

/** Terms that narrow the answer, grouped so "red or overdue" can be told from "red or amber". */
export function filterCategory(term: Term): string | null {
  switch (term.kind) {
    case "rag":
    case "priority":
    case "date":
    case "review":
    case "completion":
    case "ref":
    case "plan":
      return term.kind;
    case "planChoice":
      return "plan";
    case "namePart":
      return filterCategory(term.name);
    case "nameChoice":
      return "name";
    case "lead":
    case "mine":
      return "lead";
    case "section":
    case "area":
      return "place";
    default:
      return null;
  }
}
