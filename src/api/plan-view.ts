import { type Action, actionTitle } from "../domain/action.ts";
import type { IsoDate } from "../domain/iso-date.ts";
import { type PlanReach, planReach, visibleActions } from "../domain/permissions.ts";
import { leadsAction, type Person } from "../domain/person.ts";
import type { Plan } from "../domain/plan.ts";
import { RAGS } from "../domain/rag.ts";
import { isOverdue } from "../domain/rag-rules.ts";
import type { Update } from "../domain/update.ts";
import { compareRefs } from "../import/plan-rows.ts";
import { matchesFilters, type PlanFilters } from "./plan-filters.ts";

/** One line of the dashboard's table. */
export interface ActionLine {
  ref: string;
  title: string;
  priorities: number[];
  lead: string;
  /** The completion date as the plan wrote it, and the date it means (null for none / TBC). */
  completionDate: string;
  due: IsoDate | null;
  rag: string | null;
  complete: boolean;
  signedOff: boolean;
  overdue: boolean;
  awaitingSignOff: boolean;
  ledByViewer: boolean;
  latestUpdate: { quarter: string; state: string; proposedRag: string; by: string } | null;
}

/** Counts for one bar of the chart: a priority's actions by RAG. */
export interface PriorityCounts {
  priority: number;
  name: string;
  Red: number;
  Amber: number;
  Green: number;
  notRated: number;
}

export interface PlanView {
  plan: { name: string; priorities: { number: number; name: string }[] };
  today: IsoDate;
  /** "ownActions" when the viewer is only a lead: the page then says the actions are theirs. */
  reach: PlanReach;
  leads: string[];
  filters: PlanFilters;
  total: number;
  shown: number;
  /** Of the actions shown, so the chart and the table always agree. */
  byPriority: PriorityCounts[];
  actions: ActionLine[];
}

export interface PlanViewInput {
  plan: Plan;
  actions: Action[];
  updates: Update[];
  today: IsoDate;
  viewer: Person;
  filters: PlanFilters;
}

/**
 * The plan as `viewer` may see it (the one access rule: a lead, only the actions they lead), then
 * narrowed by the address's filters. Totals, the lead list and the chart count only what they may see.
 */
export function buildPlanView(input: PlanViewInput): PlanView {
  const visible = visibleActions(input.viewer, input.actions);
  const latest = latestUpdates(input.updates);
  const lines = visible.sort(compareRefs).map((a) => toLine(a, latest.get(a.ref), input));
  const shown = lines.filter((line) => matchesFilters(line, input.filters));
  return {
    plan: {
      name: input.plan.name,
      priorities: input.plan.priorities.map(({ number, name }) => ({ number, name })),
    },
    today: input.today,
    reach: planReach(input.viewer),
    leads: [...new Set(visible.map((a) => a.lead.trim()))].sort((x, y) => x.localeCompare(y)),
    filters: input.filters,
    total: lines.length,
    shown: shown.length,
    byPriority: input.plan.priorities.map((p) => countRags(p.number, p.name, shown)),
    actions: shown,
  };
}

function toLine(a: Action, update: Update | undefined, input: PlanViewInput): ActionLine {
  return {
    ref: a.ref,
    title: actionTitle(a),
    priorities: a.priorities,
    lead: a.lead,
    completionDate: a.completionDate.text,
    due: a.completionDate.due,
    rag: a.rag,
    complete: a.complete,
    signedOff: a.signedOff,
    overdue: isOverdue(a, input.today),
    awaitingSignOff: update?.state === "submitted",
    ledByViewer: leadsAction(input.viewer, a.lead),
    latestUpdate: update
      ? {
          quarter: update.quarter,
          state: update.state,
          proposedRag: update.proposedRag,
          by: update.authorName,
        }
      : null,
  };
}

/** Each action's most recent quarter's update. */
function latestUpdates(updates: Update[]): Map<string, Update> {
  const latest = new Map<string, Update>();
  for (const u of updates) {
    const seen = latest.get(u.ref);
    if (!seen || seen.quarter < u.quarter) latest.set(u.ref, u);
  }
  return latest;
}

function countRags(priority: number, name: string, lines: ActionLine[]): PriorityCounts {
  const mine = lines.filter((l) => l.priorities.includes(priority));
  const counts = { priority, name, Red: 0, Amber: 0, Green: 0, notRated: 0 };
  for (const line of mine) {
    const rag = RAGS.find((r) => r === line.rag);
    if (rag) counts[rag] += 1;
    else counts.notRated += 1;
  }
  return counts;
}
