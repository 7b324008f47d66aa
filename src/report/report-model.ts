import { quarterMonthsLabel } from "../cards/quarter-label.ts";
import { movementText } from "../cards/rag-movements.ts";
import type { Action } from "../domain/action.ts";
import { previousQuarter } from "../domain/calendar.ts";
import { formatLongDate } from "../domain/iso-date.ts";
import type { Plan } from "../domain/plan.ts";
import type { Quarter } from "../domain/quarter.ts";
import { ragMixAt, updatesByRef } from "../domain/rag-trend.ts";
import { byRef } from "../domain/ref-order.ts";
import { type RagCounts, type SummaryInputs, summaryFigures } from "../signoff/summary-figures.ts";
import { type ActionProfile, actionProfile } from "./action-profile.ts";

/** The summary's inputs (the plan's updates of every quarter) and whose report it is. */
export interface ReportInputs extends SummaryInputs {
  /** Whose report it is, e.g. "the Director of Children's Services" (the REPORT_OF setting). */
  reportOf: string;
}

/** A group of profiles under one heading: a priority, or a section when the plan has none. */
export interface ProfileGroup {
  heading: string;
  profiles: ActionProfile[];
}

export interface PriorityCounts {
  name: string;
  thisQuarter: RagCounts;
  lastQuarter: RagCounts;
}

export interface ReportModel {
  planName: string;
  quarter: Quarter;
  /** "October to December 2026". */
  quarterWords: string;
  lastQuarterWords: string;
  /** "7 December 2026": the day the document was made, which it is "as at". */
  dateText: string;
  reportOf: string;
  summary: {
    actionCount: number;
    byPriority: PriorityCounts[];
    totals: { thisQuarter: RagCounts; lastQuarter: RagCounts };
    /** "2 actions Green → Amber". */
    movements: string[];
    overdue: Array<{ ref: string; title: string; dueText: string }>;
    revisedDates: Array<{ ref: string; title: string; date: string; reason: string }>;
    completions: Array<{ ref: string; title: string }>;
    /** Updates still awaiting DMT's decision: listed as such, never as progress. */
    awaiting: Array<{ ref: string; title: string; submittedBy: string }>;
    returned: Array<{ ref: string; title: string }>;
  };
  /** Every Red or overdue action, before anything else. */
  exceptions: ActionProfile[];
  groups: ProfileGroup[];
  /** Every action of the plan, in Ref order. */
  appendix: ActionProfile[];
}

/** Priorities in the plan's order; a plan without priorities is grouped by its sections. */
function groupsOf(plan: Plan, profiles: readonly ActionProfile[], actions: readonly Action[]) {
  const byRefAction = new Map(actions.map((a) => [a.ref, a]));
  const groups: ProfileGroup[] = [];
  if (plan.priorities.length > 0) {
    for (const priority of plan.priorities) {
      const serving = profiles.filter((p) =>
        byRefAction.get(p.ref)?.priorities.includes(priority.number),
      );
      if (serving.length > 0)
        groups.push({
          heading: `Priority ${priority.number}: ${priority.name}`,
          profiles: serving,
        });
    }
    const none = profiles.filter((p) => (byRefAction.get(p.ref)?.priorities.length ?? 0) === 0);
    if (none.length > 0) groups.push({ heading: "Actions under no priority", profiles: none });
    return groups;
  }
  const sections = new Map<string, ActionProfile[]>();
  for (const profile of profiles) {
    const section = byRefAction.get(profile.ref)?.section.trim() || "Actions";
    sections.set(section, [...(sections.get(section) ?? []), profile]);
  }
  return [...sections].map(([heading, list]) => ({ heading, profiles: list }));
}

/**
 * What the quarter's report says and where, from the plan as stored: pure, so a test can check
 * that an update awaiting a decision is never shown as agreed. The figures are the quarterly
 * summary's own (`summaryFigures`), so the card DMT gets and the paper never disagree.
 */
export function buildReportModel(input: ReportInputs): ReportModel {
  const actions = [...input.actions].sort(byRef);
  const figures = summaryFigures(input);
  // Each action's own updates, found once: a plan of a thousand actions stays well under a second.
  const updatesOf = updatesByRef(input.updates);
  // The counts are the quarter's own, from DMT's decisions (the tab's trend reads the same rule):
  // a report of an older quarter made after later approvals still shows that quarter's ratings.
  const lastQuarter = previousQuarter(input.quarter);
  const lastQuarterMix = (list: readonly Action[]) => ragMixAt(list, updatesOf, lastQuarter);
  const profiles = actions.map((a) =>
    actionProfile(a, updatesOf.get(a.ref) ?? [], input.quarter, input.today),
  );
  const titled = (ref: string) => ({
    ref,
    title: profiles.find((p) => p.ref === ref)?.title ?? ref,
  });
  const thisQuarter = input.updates.filter((u) => u.quarter === input.quarter);
  const known = new Set(actions.map((a) => a.ref));
  return {
    planName: input.plan.name,
    quarter: input.quarter,
    quarterWords: quarterMonthsLabel(input.quarter),
    lastQuarterWords: quarterMonthsLabel(previousQuarter(input.quarter)),
    dateText: formatLongDate(input.today),
    reportOf: input.reportOf,
    summary: {
      actionCount: actions.length,
      byPriority: figures.byPriority.map((p) => ({
        name: `Priority ${p.priority}: ${p.name}`,
        thisQuarter: p.counts,
        lastQuarter: lastQuarterMix(actions.filter((a) => a.priorities.includes(p.priority))),
      })),
      totals: { thisQuarter: figures.totals, lastQuarter: lastQuarterMix(actions) },
      movements: figures.movements.map(
        (m) =>
          `${movementText(m)} (${[...m.refs].sort((a, b) => byRef({ ref: a }, { ref: b })).join(", ")})`,
      ),
      overdue: profiles
        .filter((p) => p.overdue)
        .map((p) => ({ ref: p.ref, title: p.title, dueText: p.dueText })),
      revisedDates: profiles.flatMap((p) =>
        p.revisedDate
          ? [
              {
                ...titled(p.ref),
                date: formatLongDate(p.revisedDate.date),
                reason: p.revisedDate.reason,
              },
            ]
          : [],
      ),
      completions: figures.signedOffComplete.map(titled),
      awaiting: figures.awaiting
        .filter((a) => known.has(a.ref))
        .map((a) => ({ ref: a.ref, title: a.title, submittedBy: a.submittedBy }))
        .sort(byRef),
      returned: thisQuarter
        .filter((u) => u.state === "returned" && known.has(u.ref))
        .map((u) => titled(u.ref))
        .sort(byRef),
    },
    exceptions: profiles.filter((p) => p.rag === "Red" || p.overdue),
    groups: groupsOf(input.plan, profiles, actions),
    appendix: profiles,
  };
}
