import type { Action } from "../action.ts";
import type { IsoDate } from "../iso-date.ts";
import type { Quarter } from "../quarter.ts";
import { officialRagAt } from "../rag-history.ts";
import { compareRefs } from "../ref-order.ts";
import type { Update } from "../update.ts";
import { isAskersAction, leadMatches } from "./lead-match.ts";
import {
  type DateFilter,
  EITHER_KINDS,
  type EitherKind,
  type Query,
  type RagChoice,
} from "./query.ts";
import { groupUpdates, isClosed, reviewMatches } from "./review-state.ts";
import { mentionsAll, mentionsPhrase } from "./text-match.ts";

export type QueryData = {
  actions: Action[];
  /** All updates, any quarter. */
  updates: Update[];
  currentQuarter: Quarter;
  today: IsoDate;
  /** The asker's Lead values, for "my actions". */
  askerLeads: string[];
};

/**
 * The actions a query asks for, sorted by Ref as people read them (CSC-2 before CSC-10). Each
 * kind of filter given must hold, except kinds joined by "or" (`either`); within a kind any one
 * choice will do.
 */
export function evaluateQuery(query: Query, data: QueryData): Action[] {
  const updatesByRef = groupUpdates(data.updates);
  // "What was red last quarter": RAGs and changes as DMT had approved them by then.
  const quarter = query.asAt ?? data.currentQuarter;
  const ragOf = (action: Action, updates: Update[]): RagChoice =>
    (query.asAt ? officialRagAt(action, updates, query.asAt) : action.rag) ?? "none";
  const either = new Set(query.either ?? []);
  // A question is tested against every action, and a large plan has 10,000: what depends only on
  // the question is worked out once, and a test makes a function only for a filter it has.
  // "red or overdue": one of the joined kinds will do; every other kind must hold.
  const joined = EITHER_KINDS.filter((kind) => either.has(kind) && query[kind].length > 0);
  const holds = (kind: EitherKind, action: Action, updates: Update[]): boolean => {
    switch (kind) {
      case "rags":
        return query.rags.length === 0 || query.rags.includes(ragOf(action, updates));
      case "dates":
        return (
          query.dates.length === 0 ||
          query.dates.some((date) => dateMatches(date, action, data.today))
        );
      case "review":
        return (
          query.review.length === 0 ||
          query.review.some((review) => reviewMatches(review, action, updates, quarter))
        );
      case "completion":
        return (
          query.completion.length === 0 ||
          query.completion.some((state) => (state === "complete") === isClosed(action))
        );
    }
  };
  const stateHolds = (action: Action): boolean => {
    const updates = updatesByRef.get(action.ref) ?? NO_UPDATES;
    let joinedHolds = joined.length === 0;
    for (const kind of joined) joinedHolds ||= holds(kind, action, updates);
    if (!joinedHolds) return false;
    for (const kind of EITHER_KINDS) {
      if (!joined.includes(kind) && !holds(kind, action, updates)) return false;
    }
    return true;
  };
  const matches = (action: Action): boolean =>
    (query.refs.length === 0 || query.refs.includes(action.ref)) &&
    stateHolds(action) &&
    (query.priorities.length === 0 ||
      query.priorities.some((priority) => action.priorities.includes(priority))) &&
    (query.leads.length === 0 || query.leads.some((lead) => leadMatches(lead, action.lead))) &&
    (!query.mine || isAskersAction(data.askerLeads, action.lead)) &&
    (query.sections.length === 0 ||
      query.sections.some((section) => sameName(section, action.section))) &&
    (query.deliveryAreas.length === 0 ||
      query.deliveryAreas.some((area) => sameName(area, action.deliveryArea))) &&
    (query.text.length === 0 || mentionsAll(action, query.text)) &&
    (query.phrases === undefined ||
      query.phrases.length === 0 ||
      query.phrases.every((phrase) => mentionsPhrase(action, phrase)));
  return inRefOrder(data.actions.filter(matches));
}

const NO_UPDATES: Update[] = [];

/** Sorted by Ref; a list already in that order (as the plan's index hands them over) is only checked. */
function inRefOrder(actions: Action[]): Action[] {
  for (let i = 1; i < actions.length; i++) {
    if (compareRefs((actions[i - 1] as Action).ref, (actions[i] as Action).ref) > 0) {
      return actions.sort((a, b) => compareRefs(a.ref, b.ref));
    }
  }
  return actions;
}

/** Overdue: the due date has passed and the action is not complete. */
export function dateMatches(filter: DateFilter, action: Action, today: IsoDate): boolean {
  const due = action.completionDate.due;
  switch (filter.kind) {
    case "noDate":
      return due === null;
    case "overdue":
      return due !== null && due < today && !isClosed(action);
    case "dueBetween":
      return due !== null && due >= filter.from && due <= filter.to;
    case "dueBy":
      return due !== null && due <= filter.date;
    case "dueAfter":
      return due !== null && due > filter.date;
  }
}

const sameName = (a: string, b: string): boolean =>
  a.trim().toLowerCase() === b.trim().toLowerCase();
