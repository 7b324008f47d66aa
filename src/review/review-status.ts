import { type Action, actionTitle, normaliseLead } from "../domain/action.ts";
import type { IsoDate } from "../domain/iso-date.ts";
import type { Person } from "../domain/person.ts";
import { actionKey } from "../domain/plan-ref.ts";
import type { Quarter } from "../domain/quarter.ts";
import type { Rag } from "../domain/rag.ts";
import type { Review } from "../domain/review.ts";
import { type Update, updatesByAction } from "../domain/update.ts";
import { assignToLeads, byRef } from "./lead-assignment.ts";

/** Where a quarter's review stands; also the shape of `review status --json`. */
export interface ReviewStatus {
  quarter: Quarter;
  reviewDate: IsoDate;
  state: Review["state"];
  roundsSent: Review["roundsSent"];
  /** Who still owes an update, and for which Refs (returned updates are listed under `returned`). */
  owing: Array<{ person: string; name: string; refs: string[] }>;
  /** Open actions whose Lead matches nobody in the directory. */
  noLeadInDirectory: Array<{ lead: string; refs: string[] }>;
  awaitingSignOff: Array<{
    ref: string;
    title: string;
    submittedBy: string;
    submittedAt: string;
    proposedRag: Rag;
  }>;
  returned: Array<{
    ref: string;
    title: string;
    returnedBy: string;
    comment: string;
    lead: string;
  }>;
  approved: string[];
}

export interface StatusInput {
  quarter: Quarter;
  reviewDate: IsoDate;
  review: Review | null;
  actions: readonly Action[];
  people: readonly Person[];
  updates: readonly Update[];
}

/** Works out the review's state from the plan, the directory and the quarter's updates. */
export function reviewStatus(input: StatusInput): ReviewStatus {
  const actions = [...input.actions].sort(byRef);
  const updates = updatesByAction(input.updates);
  const inReview = actions.filter(
    (a) => updates.has(actionKey(a)) || (!a.complete && !a.signedOff),
  );
  const notStarted = inReview.filter((a) => !updates.has(actionKey(a)));
  const { byPerson, unmatched } = assignToLeads(notStarted, input.people);
  const titled = (a: Action) => ({ ref: a.ref, title: actionTitle(a) });
  const withState = (state: Update["state"]) =>
    inReview.flatMap((a) => {
      const update = updates.get(actionKey(a));
      return update?.state === state ? [{ action: a, update }] : [];
    });
  return {
    quarter: input.quarter,
    reviewDate: input.reviewDate,
    state: input.review?.state ?? "scheduled",
    roundsSent: input.review?.roundsSent ?? [],
    owing: [...byPerson.values()]
      .map(({ person, actions: led }) => ({
        person: person.id,
        name: person.name,
        refs: led.map((a) => a.ref),
      }))
      .sort((a, b) => a.name.localeCompare(b.name)),
    noLeadInDirectory: groupByLead(unmatched),
    awaitingSignOff: withState("submitted").map(({ action, update }) => ({
      ...titled(action),
      submittedBy: update.authorName,
      submittedAt: update.submittedAt,
      proposedRag: update.proposedRag,
    })),
    returned: withState("returned").map(({ action, update }) => ({
      ...titled(action),
      returnedBy: update.decision?.byName ?? "DMT",
      comment: update.decision?.comment ?? "",
      lead: update.authorName,
    })),
    approved: withState("approved").map(({ action }) => action.ref),
  };
}

function groupByLead(actions: readonly Action[]): ReviewStatus["noLeadInDirectory"] {
  const groups = new Map<string, { lead: string; refs: string[] }>();
  for (const action of actions) {
    const key = normaliseLead(action.lead);
    const group = groups.get(key) ?? { lead: action.lead, refs: [] };
    group.refs.push(action.ref);
    groups.set(key, group);
  }
  return [...groups.values()];
}
