import { type RagMovement, ragMovements } from "../cards/rag-movements.ts";
import type { OwedGroup } from "../cards/review-lists.ts";
import { type Action, actionTitle, normaliseLead } from "../domain/action.ts";
import { completionSignedOff } from "../domain/decision-rules.ts";
import type { IsoDate } from "../domain/iso-date.ts";
import { assignToLeads, isOwed } from "../domain/lead-assignment.ts";
import type { Person } from "../domain/person.ts";
import type { Plan } from "../domain/plan.ts";
import type { Quarter } from "../domain/quarter.ts";
import { shiftQuarter } from "../domain/question/fiscal-calendar.ts";
import type { Rag } from "../domain/rag.ts";
import { officialRagAt, recordedRagAt } from "../domain/rag-history.ts";
import { isOverdue } from "../domain/rag-rules.ts";
import { type RagMix, ragMixAt, updatesByRef } from "../domain/rag-trend.ts";
import { byRef, compareRefs } from "../domain/ref-order.ts";
import { type Update, updatePlanId } from "../domain/update.ts";
import { awaitingDecision } from "./slow-decisions.ts";

/** The trend's own counts (rag-trend.ts), so the card, the report and the tab read one shape. */
export type RagCounts = RagMix;

export interface SummaryFigures {
  quarter: Quarter;
  today: IsoDate;
  actionCount: number;
  /** Per priority of the plan; an action serving two priorities counts under both. */
  byPriority: Array<{ priority: number; name: string; counts: RagCounts }>;
  /** Every action once. */
  totals: RagCounts;
  /** Each action's official RAG at the end of last quarter, where a record shows it. */
  previousRags: Record<string, Rag | null>;
  /** "2 actions Green → Amber", biggest group first. */
  movements: RagMovement[];
  overdue: Array<{ ref: string; title: string; lead: string; due: IsoDate; rag: Rag | null }>;
  /** Who has not updated this quarter (a returned update counts as not updated). */
  owing: OwedGroup[];
  /** Updates awaiting a DMT decision, from any quarter up to this one, longest waiting first. */
  awaiting: Array<{
    ref: string;
    title: string;
    submittedBy: string;
    submittedAt: string;
    workingDaysWaiting: number;
  }>;
  /** Refs DMT signed off as complete this quarter. */
  signedOffComplete: string[];
}

export interface SummaryInputs {
  plan: Plan;
  actions: readonly Action[];
  /** Updates of every quarter. */
  updates: readonly Update[];
  people: readonly Person[];
  quarter: Quarter;
  today: IsoDate;
  timeZone: string;
}

/**
 * One plan's inputs from records read across the store: only that plan's updates count, since two
 * plans may each have a 1.1. The quarter's summary and the report both read a plan this way.
 */
export function planSummaryInputs(
  plan: Plan,
  records: { actions: readonly Action[]; updates: readonly Update[]; people: readonly Person[] },
  when: { quarter: Quarter; today: IsoDate; timeZone: string },
): SummaryInputs {
  return {
    plan,
    actions: records.actions,
    updates: records.updates.filter((u) => updatePlanId(u) === plan.id),
    people: records.people,
    ...when,
  };
}

/**
 * Where each action stood at the end of last quarter: the RAG of its latest approval before this
 * quarter; failing that, the official RAG this quarter's update was sent against (e.g. the
 * imported plan's). Actions with neither on record are left out, so they never count as moving.
 */
export function previousRagsOf(
  actions: readonly Action[],
  updates: readonly Update[],
  quarter: Quarter,
): Record<string, Rag | null> {
  const previous: Record<string, Rag | null> = {};
  const byRef = updatesByRef(updates);
  for (const action of actions) {
    // The same reading as a question's "what was red last quarter" (rag-history.ts).
    const rag = recordedRagAt(byRef.get(action.ref) ?? [], shiftQuarter(quarter, -1));
    if (rag !== undefined) previous[action.ref] = rag;
  }
  return previous;
}

function owingGroups(
  actions: readonly Action[],
  updates: readonly Update[],
  people: readonly Person[],
  quarter: Quarter,
): OwedGroup[] {
  const thisQuarter = new Map(updates.filter((u) => u.quarter === quarter).map((u) => [u.ref, u]));
  const owed = actions.filter((a) => isOwed(a, thisQuarter.get(a.ref)));
  const { byPerson, unmatched } = assignToLeads(owed, people);
  const groups: OwedGroup[] = [...byPerson.values()]
    .map(({ person, actions: led }) => ({ who: person.name, refs: led.map((a) => a.ref) }))
    .sort((a, b) => a.who.localeCompare(b.who));
  // Lead cells differ in spacing ("HoS/ Service Manager"); one line per Lead however it was typed.
  const byLead = new Map<string, { lead: string; refs: string[] }>();
  for (const action of unmatched) {
    const key = normaliseLead(action.lead);
    const group = byLead.get(key) ?? { lead: action.lead, refs: [] };
    group.refs.push(action.ref);
    byLead.set(key, group);
  }
  for (const { lead, refs } of byLead.values()) {
    groups.push({ who: `${lead} (nobody in the directory leads this)`, refs });
  }
  return groups;
}

/** The figures of DMT's quarterly summary, from the plan as stored: pure, so a test can check them. */
export function summaryFigures(input: SummaryInputs): SummaryFigures {
  const actions = [...input.actions].sort(byRef);
  const titles = new Map(actions.map((a) => [a.ref, actionTitle(a)]));
  const previousRags = previousRagsOf(actions, input.updates, input.quarter);
  // This quarter's counts by the trend's rule: the ratings DMT approved by the end of the quarter.
  const byRefUpdates = updatesByRef(input.updates);
  const countRags = (list: readonly Action[]) => ragMixAt(list, byRefUpdates, input.quarter);
  const asAtQuarter = actions.map((a) => ({
    ...a,
    rag: officialRagAt(a, byRefUpdates.get(a.ref) ?? [], input.quarter),
  }));
  const upToNow = input.updates.filter((u) => u.quarter <= input.quarter && titles.has(u.ref));
  return {
    quarter: input.quarter,
    today: input.today,
    actionCount: actions.length,
    byPriority: input.plan.priorities.map((p) => ({
      priority: p.number,
      name: p.name,
      counts: countRags(actions.filter((a) => a.priorities.includes(p.number))),
    })),
    totals: countRags(actions),
    previousRags,
    movements: ragMovements(asAtQuarter, previousRags),
    overdue: actions
      .filter((a) => isOverdue(a, input.today))
      .map((a) => ({
        ref: a.ref,
        title: actionTitle(a),
        lead: a.lead,
        due: a.completionDate.due as IsoDate,
        rag: a.rag,
      })),
    owing: owingGroups(actions, input.updates, input.people, input.quarter),
    awaiting: awaitingDecision(upToNow, input.today, input.timeZone).map(
      ({ update, workingDaysWaiting }) => ({
        ref: update.ref,
        title: titles.get(update.ref) ?? update.ref,
        submittedBy: update.authorName,
        submittedAt: update.submittedAt,
        workingDaysWaiting,
      }),
    ),
    signedOffComplete: input.updates
      .filter(
        (u) =>
          u.quarter === input.quarter &&
          u.decision?.outcome === "approved" &&
          completionSignedOff(u),
      )
      .map((u) => u.ref)
      .sort(compareRefs),
  };
}
