import type { Person } from "../../src/domain/person.ts";
import { DEFAULT_PLAN_ID } from "../../src/domain/plan.ts";
import { buildVocabulary, mergeVocabularies } from "../../src/domain/question/index.ts";
import { type AskContext, answerQuery } from "../../src/query/answer-query.ts";
import { answerQuestion } from "../../src/query/answer-question.ts";
import { buildSnapshot, type PlanSnapshot } from "../../src/query/plan-snapshot.ts";
import { CURRENT_QUARTER } from "./history.ts";
import type { CorpusPlan } from "./plans.ts";
import { TODAY } from "./plans.ts";

/**
 * The one place the corpus calls the product: a manager's question answered by the question
 * feature's own entry point, read back as what a manager sees. Everything else in this folder is
 * written without the parser.
 */
export type ProductAnswer =
  | { kind: "refs"; refs: string[] }
  | { kind: "asksWhich" }
  | { kind: "noSuchAction"; text: string }
  | { kind: "notUnderstood"; text: string };

const MANAGER: Person = {
  id: "manager@council.gov.uk",
  email: "manager@council.gov.uk",
  name: "A Manager",
  roles: ["manager"],
  leads: [],
};

export function productAsker(corpus: CorpusPlan): (text: string) => ProductAnswer {
  return askerFor(snapshotOf(corpus), [corpus], (action) => action.ref);
}

/**
 * Several plans in one store, the first plan first (its id is "default"), as the store's question
 * index puts them together. Answers are `planId:Ref`, since two plans may both have a 1.1.
 */
export function storeAsker(plans: readonly CorpusPlan[]): (text: string) => ProductAnswer {
  const snapshots = plans.map(snapshotOf);
  const [first] = snapshots;
  if (!first) throw new Error("a store needs a plan");
  const snapshot: PlanSnapshot = {
    ...first,
    vocabulary: mergeVocabularies(snapshots),
    plans: snapshots,
  };
  return askerFor(snapshot, plans, (action) => `${action.planId}:${action.ref}`);
}

function snapshotOf(corpus: CorpusPlan): PlanSnapshot {
  return buildSnapshot({
    plan: corpus.plan,
    actions: corpus.actions,
    updates: corpus.updates,
    reviews: [],
    vocabulary: buildVocabulary(corpus.plan, corpus.actions),
  });
}

function askerFor(
  snapshot: PlanSnapshot,
  plans: readonly CorpusPlan[],
  key: (action: { ref: string; planId: string }) => string,
): (text: string) => ProductAnswer {
  const context: AskContext = {
    snapshot,
    person: MANAGER,
    reach: "wholePlan",
    today: TODAY,
    currentQuarter: CURRENT_QUARTER,
    timeZone: "Europe/London",
    actionUrl: () => "https://example.invalid/tab",
  };
  return (text) => {
    const answer = answerQuestion(context, text);
    const summary = answer.summary;
    if (/^which\b/i.test(summary) || /^which\b/i.test(cardTitle(answer.card)))
      return { kind: "asksWhich" };
    if (/^sorry/i.test(summary)) return { kind: "notUnderstood", text: summary };
    if (/there is no action/i.test(summary)) return { kind: "noSuchAction", text: summary };
    const refs = rowRefs(answer.card).map(key);
    // One action asked for by its Ref comes back as its detail card: "CSC-07: title (Red)".
    if (refs.length === 0) {
      const shown = plans
        .flatMap((p) => p.actions)
        .filter((a) => summary.startsWith(`${a.ref}: `))
        .filter((a) => plans.length === 1 || cardMentions(answer.card, planName(plans, a.planId)));
      if (shown.length === 1 && shown[0]) return { kind: "refs", refs: [key(shown[0])] };
    }
    // Longer answers come a page at a time; "More" carries the question for the next page.
    let more = moreData(answer.card);
    while (more) {
      const next = answerQuery(context, more.query as never, { page: more.page });
      refs.push(...rowRefs(next.card).map(key));
      more = moreData(next.card);
    }
    return { kind: "refs", refs: [...new Set(refs)].sort() };
  };
}

type Json = unknown;

function walk(node: Json, visit: (value: Record<string, unknown>) => void): void {
  if (Array.isArray(node)) for (const item of node) walk(item, visit);
  else if (node && typeof node === "object") {
    visit(node as Record<string, unknown>);
    for (const value of Object.values(node)) walk(value, visit);
  }
}

function cardTitle(card: Json): string {
  let title = "";
  walk(card, (value) => {
    if (!title && value.type === "TextBlock" && typeof value.text === "string") title = value.text;
  });
  return title;
}

/**
 * The actions of the answer's rows: each row is tappable, asking for its action by Ref (and its
 * plan, for a plan other than the first).
 */
function rowRefs(card: Json): { ref: string; planId: string }[] {
  const refs: { ref: string; planId: string }[] = [];
  walk(card, (value) => {
    const select = value.selectAction as Record<string, unknown> | undefined;
    const found = findRef(select?.data);
    if (found) refs.push(found);
  });
  return refs;
}

function findRef(data: unknown): { ref: string; planId: string } | undefined {
  let found: { ref: string; planId: string } | undefined;
  walk(data, (value) => {
    if (found === undefined && typeof value.ref === "string") {
      found = {
        ref: value.ref,
        planId: typeof value.planId === "string" ? value.planId : DEFAULT_PLAN_ID,
      };
    }
  });
  return found;
}

function planName(plans: readonly CorpusPlan[], planId: string): string {
  return plans.find((p) => p.plan.id === planId)?.plan.name ?? planId;
}

function cardMentions(card: Json, text: string): boolean {
  return JSON.stringify(card).includes(text);
}

function moreData(card: Json): { query: unknown; page: number } | null {
  let more: { query: unknown; page: number } | null = null;
  walk(card, (value) => {
    if (more || value.title !== "More") return;
    walk(value.data, (data) => {
      if (!more && typeof data.page === "number" && "query" in data)
        more = { query: data.query, page: data.page };
    });
  });
  return more;
}
