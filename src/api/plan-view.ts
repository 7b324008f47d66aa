import { type Action, actionTitle } from "../domain/action.ts";
import { quarterLabel, quarterOf } from "../domain/calendar.ts";
import type { IsoDate } from "../domain/iso-date.ts";
import { type PlanReach, planReach, visibleActions } from "../domain/permissions.ts";
import { leadsAction, type Person } from "../domain/person.ts";
import type { Plan } from "../domain/plan.ts";
import { RAGS } from "../domain/rag.ts";
import { isOverdue } from "../domain/rag-rules.ts";
import { ragMixByQuarter, trendQuarters } from "../domain/rag-trend.ts";
import { byRef } from "../domain/ref-order.ts";
import { type Update, updatePlanId } from "../domain/update.ts";
import { matchesFilters, NO_SECTION, type PlanFilters, sectionKey } from "./plan-filters.ts";

/** One line of the dashboard's table. */
export interface ActionLine {
  ref: string;
  title: string;
  priorities: number[];
  section: string;
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

/** Counts for one bar of the chart of a plan without priorities: a section's actions by RAG. */
export interface SectionCounts {
  section: string;
  Red: number;
  Amber: number;
  Green: number;
  notRated: number;
}

/** The RAG mix at the end of one quarter, from DMT's decisions (see rag-trend.ts). */
export interface QuarterCounts {
  quarter: string;
  /** "October to December 2026 (2026-Q3)". */
  label: string;
  /** The quarter today is in: its counts are so far, not final. */
  current: boolean;
  Red: number;
  Amber: number;
  Green: number;
  notRated: number;
}

export interface PlanView {
  plan: { id: string; name: string; priorities: { number: number; name: string }[] };
  today: IsoDate;
  /** "ownActions" when the viewer is only a lead: the page then says the actions are theirs. */
  reach: PlanReach;
  leads: string[];
  filters: PlanFilters;
  total: number;
  shown: number;
  /** What the chart's bars are: the plan's priorities, or its sections when it has no priorities. */
  chartBy: "priority" | "section";
  /** Of the actions shown, so the chart and the table always agree. */
  byPriority: PriorityCounts[];
  /** The sections of the actions the viewer may see, in Ref order; empty when charting priorities. */
  bySection: SectionCounts[];
  actions: ActionLine[];
  /**
   * The actions shown, by RAG at the end of each quarter from the first update to this one, oldest
   * first; empty before any update has been written.
   */
  byQuarter: QuarterCounts[];
}

export interface PlanViewInput {
  plan: Plan;
  /** The plan's actions. */
  actions: Action[];
  /** Updates of any plan: only this plan's are used, since another plan may have its own 1.1. */
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
  const planUpdates = input.updates.filter((u) => updatePlanId(u) === input.plan.id);
  const latest = latestUpdates(planUpdates);
  const lines = visible.sort(byRef).map((a) => toLine(a, latest.get(a.ref), input));
  const shown = lines.filter((line) => matchesFilters(line, input.filters));
  const chartBy = input.plan.priorities.length > 0 ? "priority" : "section";
  return {
    plan: {
      id: input.plan.id,
      name: input.plan.name,
      priorities: input.plan.priorities.map(({ number, name }) => ({ number, name })),
    },
    today: input.today,
    reach: planReach(input.viewer),
    leads: [...new Set(visible.map((a) => a.lead.trim()))].sort((x, y) => x.localeCompare(y)),
    filters: input.filters,
    total: lines.length,
    shown: shown.length,
    chartBy,
    byPriority: input.plan.priorities.map((p) =>
      countRags(p.name, shown, (l) => l.priorities.includes(p.number), { priority: p.number }),
    ),
    // Every section the viewer may see keeps its bar, so narrowing the table never reshapes the chart.
    bySection:
      chartBy === "section"
        ? sectionsOf(lines).map((section) =>
            countRags(section, shown, (l) => sectionKey(l.section) === sectionKey(section), {
              section,
            }),
          )
        : [],
    actions: shown,
    byQuarter: quarterCounts(visible, shown, planUpdates, input.today),
  };
}

/** The trend of the actions shown, so narrowing the table narrows the trend with it. */
function quarterCounts(
  visible: readonly Action[],
  shown: readonly ActionLine[],
  updates: readonly Update[],
  today: IsoDate,
): QuarterCounts[] {
  const refs = new Set(shown.map((line) => line.ref));
  const current = quarterOf(today);
  const actions = visible.filter((a) => refs.has(a.ref));
  return ragMixByQuarter(actions, updates, trendQuarters(updates, current)).map(
    ({ quarter, mix }) => ({
      quarter,
      label: quarterLabel(quarter),
      current: quarter === current,
      Red: mix.Red,
      Amber: mix.Amber,
      Green: mix.Green,
      notRated: mix.Unrated,
    }),
  );
}

function toLine(a: Action, update: Update | undefined, input: PlanViewInput): ActionLine {
  return {
    ref: a.ref,
    title: actionTitle(a),
    priorities: a.priorities,
    section: a.section,
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

function countRags<K extends object>(
  name: string,
  lines: ActionLine[],
  belongs: (line: ActionLine) => boolean,
  key: K,
): K & { name: string; Red: number; Amber: number; Green: number; notRated: number } {
  const counts = { ...key, name, Red: 0, Amber: 0, Green: 0, notRated: 0 };
  for (const line of lines.filter(belongs)) {
    const rag = RAGS.find((r) => r === line.rag);
    if (rag) counts[rag] += 1;
    else counts.notRated += 1;
  }
  return counts;
}

/** Each section once, as first written, in Ref order; actions without one under "No section". */
function sectionsOf(lines: ActionLine[]): string[] {
  const seen = new Map<string, string>();
  for (const line of lines) {
    const name = line.section.trim() || NO_SECTION;
    if (!seen.has(sectionKey(name))) seen.set(sectionKey(name), name);
  }
  return [...seen.values()];
}
