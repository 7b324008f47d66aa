import { type Action, actionTitle, normaliseLead } from "../domain/action.ts";
import type { IsoDate } from "../domain/iso-date.ts";
import { assignToLeads } from "../domain/lead-assignment.ts";
import type { Person } from "../domain/person.ts";
import { actionKey } from "../domain/plan-ref.ts";
import type { Quarter } from "../domain/quarter.ts";
import type { Rag } from "../domain/rag.ts";
import { byRef } from "../domain/ref-order.ts";
import type { Review } from "../domain/review.ts";
import { type Update, updatesByAction } from "../domain/update.ts";

/** Who owes what, what waits for DMT, what went back: of one plan, or of every plan together. */
export interface ReviewLists {
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

/** Where a quarter's review stands; also the shape of `review status --json`. */
export interface ReviewStatus extends ReviewLists {
  quarter: Quarter;
  reviewDate: IsoDate;
  state: Review["state"];
  roundsSent: Review["roundsSent"];
  /**
   * With several plans, each plan's own lists under its name (two plans may each owe a 1.1, so the
   * lists above, which cover every plan, cannot say which); absent with one plan.
   */
  plans?: Array<{ planId: string; planName: string } & ReviewLists>;
}

export interface StatusInput {
  quarter: Quarter;
  reviewDate: IsoDate;
  review: Review | null;
  actions: readonly Action[];
  people: readonly Person[];
  updates: readonly Update[];
  /** A plan's name when the store holds several plans (see `PlanLabels`); one plan leaves it out. */
  planNameOf?: (planId: string) => string | undefined;
}

/** Works out the review's state from the plans, the directory and the quarter's updates. */
export function reviewStatus(input: StatusInput): ReviewStatus {
  const lists = reviewLists(input.actions, input.people, input.updates);
  const status: ReviewStatus = {
    quarter: input.quarter,
    reviewDate: input.reviewDate,
    state: input.review?.state ?? "scheduled",
    roundsSent: input.review?.roundsSent ?? [],
    ...lists,
  };
  const plans = plansOf(input.actions, input.planNameOf);
  if (plans.length > 1 || plans.some((p) => p.planName !== undefined)) {
    status.plans = plans.map(({ planId, planName, actions }) => ({
      planId,
      planName: planName ?? planId,
      ...reviewLists(actions, input.people, input.updates),
    }));
  }
  return status;
}

/** The actions of each plan, in the order the plans were given (the first plan first). */
function plansOf(
  actions: readonly Action[],
  nameOf: StatusInput["planNameOf"],
): Array<{ planId: string; planName: string | undefined; actions: Action[] }> {
  const byPlan = new Map<string, Action[]>();
  for (const action of actions)
    byPlan.set(action.planId, [...(byPlan.get(action.planId) ?? []), action]);
  return [...byPlan].map(([planId, led]) => ({ planId, planName: nameOf?.(planId), actions: led }));
}

function reviewLists(
  all: readonly Action[],
  people: readonly Person[],
  quarterUpdates: readonly Update[],
): ReviewLists {
  const actions = [...all].sort(byRef);
  const updates = updatesByAction(quarterUpdates);
  const inReview = actions.filter(
    (a) => updates.has(actionKey(a)) || (!a.complete && !a.signedOff),
  );
  const notStarted = inReview.filter((a) => !updates.has(actionKey(a)));
  const { byPerson, unmatched } = assignToLeads(notStarted, people);
  const titled = (a: Action) => ({ ref: a.ref, title: actionTitle(a) });
  const withState = (state: Update["state"]) =>
    inReview.flatMap((a) => {
      const update = updates.get(actionKey(a));
      return update?.state === state ? [{ action: a, update }] : [];
    });
  return {
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
