import { formatLongDate } from "../iso-date.ts";
import type { DateFilter, EitherKind, Query, RagChoice, ReviewFilter } from "./query.ts";
import type { PlanVocabulary } from "./vocabulary.ts";

/**
 * The header of an answer, restating what was understood so a misreading shows at once:
 * "Red · Priority 3 — Protecting children at risk of harm". The card adds the count.
 */
export function describeQuery(
  query: Query,
  context: Pick<PlanVocabulary, "priorities" | "plans" | "plan">,
): string {
  const states: Record<EitherKind, string | null> = {
    rags: query.rags.length ? describeRags(query.rags) : null,
    dates: query.dates.length ? joinWords(query.dates.map(describeDate), "or") : null,
    review: query.review.length ? joinWords(query.review.map(describeReview), "or") : null,
    completion:
      query.completion.length === 1
        ? query.completion[0] === "complete"
          ? "Complete"
          : "Not complete"
        : null,
  };
  // "red or overdue" reads "Red or Overdue", one part, where it is shown first.
  const joined = (query.either ?? []).filter((kind) => states[kind] !== null);
  const state = (kind: EitherKind) => {
    if (joined.length < 2 || !joined.includes(kind)) return states[kind];
    return kind === joined[0] ? joined.map((k) => states[k]).join(" or ") : null;
  };
  const parts = [
    query.plans?.length ? describePlans(query.plans, context) : null,
    query.refs.length ? joinWords(query.refs, "and") : null,
    state("rags"),
    query.priorities.length ? describePriorities(query.priorities, query.plans, context) : null,
    query.mine ? "My actions" : null,
    query.leads.length
      ? `Lead: ${joinWords(
          query.leads.map((lead) => lead.value),
          "or",
        )}`
      : null,
    query.sections.length ? `Section: ${joinWords(query.sections, "or")}` : null,
    query.deliveryAreas.length ? `Area: ${joinWords(query.deliveryAreas, "or")}` : null,
    state("dates"),
    state("review"),
    state("completion"),
    query.asAt ? `As at the end of ${query.asAt}, approved by DMT` : null,
    query.text.length || query.phrases?.length
      ? `Mentioning ${joinWords(
          [...query.text, ...(query.phrases ?? [])].map((text) => `“${text}”`),
          "and",
        )}`
      : null,
  ].filter((part): part is string => part !== null);
  return parts.length ? parts.join(" · ") : "All actions";
}

const RAG_ORDER: RagChoice[] = ["Red", "Amber", "Green", "none"];
const RAG_NAMES: Record<RagChoice, string> = {
  Red: "Red",
  Amber: "Amber",
  Green: "Green",
  none: "No RAG",
};

function describeRags(rags: RagChoice[]): string {
  const chosen = RAG_ORDER.filter((rag) => rags.includes(rag));
  const left = RAG_ORDER.filter((rag) => !chosen.includes(rag));
  if (left.length === 1) return `Not ${RAG_NAMES[left[0] as RagChoice]}`;
  return joinWords(
    chosen.map((rag) => RAG_NAMES[rag]),
    "or",
  );
}

/** "Plan: SEND Improvement Plan 2024–26". */
function describePlans(ids: string[], context: Pick<PlanVocabulary, "plans" | "plan">): string {
  const plans = context.plans ?? (context.plan ? [context.plan] : []);
  const names = ids.map((id) => plans.find((plan) => plan.id === id)?.name ?? id);
  return `${names.length > 1 ? "Plans" : "Plan"}: ${joinWords(names, "or")}`;
}

/** A priority's name is given only when it is one name: in several plans, each names its own. */
function describePriorities(
  numbers: number[],
  plans: string[] | undefined,
  context: Pick<PlanVocabulary, "priorities">,
): string {
  const sorted = [...numbers].sort((a, b) => a - b);
  if (sorted.length > 1) return `Priorities ${joinWords(sorted.map(String), "and")}`;
  const names = new Set(
    context.priorities
      .filter(
        (priority) =>
          priority.number === sorted[0] &&
          (!plans?.length || !priority.plan || plans.includes(priority.plan)),
      )
      .map((priority) => priority.name),
  );
  const [name] = names;
  return name && names.size === 1 ? `Priority ${sorted[0]} — ${name}` : `Priority ${sorted[0]}`;
}

function describeDate(date: DateFilter): string {
  switch (date.kind) {
    case "overdue":
      return "Overdue";
    case "noDate":
      return "No due date";
    case "dueBy":
      return `Due by ${formatLongDate(date.date)}`;
    case "dueAfter":
      return `Due after ${formatLongDate(date.date)}`;
    case "dueBetween": {
      const range = formatRange(date.from, date.to);
      if (date.period === "day") return `Due on ${formatLongDate(date.from)}`;
      if (date.period === "month") return `Due in ${formatLongDate(date.to).replace(/^\d+ /, "")}`;
      if (date.period === "quarter") return `Due ${range}`;
      return `Due ${date.period} (${range})`;
    }
  }
}

function describeReview(review: ReviewFilter): string {
  switch (review.kind) {
    case "awaitingSignOff":
      return "Awaiting sign-off";
    case "returned":
      return "Returned for changes";
    case "approved":
      return "Approved this review";
    case "notUpdated":
      return "Not updated this review";
    case "updated":
      return "Updated this review";
    case "updatedSince":
      return `Updated since ${formatLongDate(review.date)}`;
    case "changedRag":
      return "RAG changed since last quarter";
    case "worse":
      return "Worse than last quarter";
    case "better":
      return "Better than last quarter";
  }
}

/** "1 October – 31 December 2026", or with both years when they differ. */
function formatRange(from: string, to: string): string {
  const start = formatLongDate(from);
  return `${from.slice(0, 4) === to.slice(0, 4) ? start.replace(/ \d{4}$/, "") : start} – ${formatLongDate(to)}`;
}

/** "a", "a and b", "a, b and c". */
function joinWords(words: string[], conjunction: "and" | "or"): string {
  if (words.length <= 1) return words.join("");
  return `${words.slice(0, -1).join(", ")} ${conjunction} ${words[words.length - 1]}`;
}
