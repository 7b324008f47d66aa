import { buildAnswerCard } from "../cards/answer-card.ts";
import { andMore, countOf } from "../cards/list-text.ts";
import type { Action } from "../domain/action.ts";
import type { IsoDate } from "../domain/iso-date.ts";
import type { Person } from "../domain/person.ts";
import type { Quarter } from "../domain/quarter.ts";
import { describeQuery, type Query } from "../domain/question/index.ts";
import type { Card } from "../messaging.ts";
import { countsNote, historyNote, reachNote, withNotes } from "./answer-notes.ts";
import { type AskerReach, withinReach } from "./asker.ts";
import { matchesByPlan, type PlanMatches } from "./find-matches.ts";
import type { PlanSnapshot } from "./plan-snapshot.ts";

/** Who is asking, and the plan and day the answer is for. */
export interface AskContext {
  snapshot: PlanSnapshot;
  person: Person;
  reach: AskerReach;
  today: IsoDate;
  /** The quarter whose review "awaiting sign-off" and "not updated" refer to. */
  currentQuarter: Quarter;
  /** Where dates and times on cards are shown (the review time zone). */
  timeZone: string;
  /** One action's page in the Plan Tracker tab (in its plan, when that is not the first). */
  actionUrl(ref: string, planId?: string): string;
}

/** A card to send, and the plain text shown in notifications and by clients without cards. */
export type Answer = { card: Card; summary: string };

/**
 * The answer card for one question: what was understood, how many, and the matching actions a
 * page at a time. The question travels in the card's "More" button, already narrowed to what
 * the asker may see (and narrowed again when it comes back).
 */
export function answerQuery(
  context: AskContext,
  query: Query,
  options: { page?: number; notes?: ReadonlyArray<string | null> } = {},
): Answer {
  const { snapshot, person, reach } = context;
  const asked = withinReach(query, reach);
  const groups = matchesByPlan(context, asked);
  const matches = groups.flatMap((group) => group.matches);
  const understood = describeQuery(asked, snapshot.vocabulary);
  const card = buildAnswerCard({
    understood,
    matches,
    // One plan named is said in the heading; rows come under plan names only when plans mix.
    planNames: snapshot.plans && asked.plans?.length !== 1 ? planNames(groups) : undefined,
    page: options.page,
    query: asked,
    tryInstead:
      asked.mine && person.leads.length === 0 && reach === "wholePlan"
        ? "The directory lists no Lead for you, so no action counts as yours. Ask an admin to add your Lead, or ask by Lead name, for example \u201cred for HoS\u201d."
        : undefined,
  });
  const notes = [
    reachNote(person, reach),
    historyNote(asked, context.currentQuarter),
    ...(options.notes ?? []),
    asked.count && matches.length > 0 ? countsNote(matches) : null,
  ];
  const text = snapshot.plans
    ? answerTextByPlan(understood, groups)
    : answerText(understood, matches);
  return { card: withNotes(card, notes), summary: text };
}

/** "Red: 3 actions (SEND Plan: 1.1, 2.4; Early Help Plan: 1.1)". */
function answerTextByPlan(understood: string, groups: PlanMatches[]): string {
  const matches = groups.flatMap((group) => group.matches);
  if (matches.length === 0) return answerText(understood, matches);
  const parts = groups
    .filter((group) => group.matches.length > 0)
    .map(({ plan, matches }) => {
      const shown = matches.slice(0, 10).map((action) => action.ref);
      const hidden = matches.length - shown.length;
      return `${plan.name}: ${shown.join(", ")}${hidden > 0 ? ` ${andMore(hidden)}` : ""}`;
    });
  return `${understood}: ${countOf(matches.length, "action")} (${parts.join("; ")})`;
}

function planNames(groups: PlanMatches[]): Map<string, string> {
  return new Map(groups.map(({ plan }) => [plan.id, plan.name]));
}

/** "Red · Priority 3: 2 actions (CSC-05, CSC-06)". */
export function answerText(understood: string, matches: readonly Action[]): string {
  if (matches.length === 0) return `No actions match: ${understood}`;
  const shown = matches.slice(0, 10).map((action) => action.ref);
  const hidden = matches.length - shown.length;
  const more = hidden > 0 ? ` ${andMore(hidden)}` : "";
  return `${understood}: ${countOf(matches.length, "action")} (${shown.join(", ")}${more})`;
}
