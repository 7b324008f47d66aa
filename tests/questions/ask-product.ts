import type { Person } from "../../src/domain/person.ts";
import { buildVocabulary } from "../../src/domain/question/index.ts";
import { type AskContext, answerQuery } from "../../src/query/answer-query.ts";
import { answerQuestion } from "../../src/query/answer-question.ts";
import { buildSnapshot } from "../../src/query/plan-snapshot.ts";
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
  const snapshot = buildSnapshot({
    plan: corpus.plan,
    actions: corpus.actions,
    updates: corpus.updates,
    reviews: [],
    vocabulary: buildVocabulary(corpus.plan, corpus.actions),
  });
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
    const refs = rowRefs(answer.card);
    // One action asked for by its Ref comes back as its detail card: "CSC-07: title (Red)".
    if (refs.length === 0) {
      const shown = corpus.actions.find((a) => summary.startsWith(`${a.ref}: `));
      if (shown) return { kind: "refs", refs: [shown.ref] };
    }
    // Longer answers come a page at a time; "More" carries the question for the next page.
    let more = moreData(answer.card);
    while (more) {
      const next = answerQuery(context, more.query as never, { page: more.page });
      refs.push(...rowRefs(next.card));
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

/** The Refs of the answer's rows: each row is tappable, asking for its action by Ref. */
function rowRefs(card: Json): string[] {
  const refs: string[] = [];
  walk(card, (value) => {
    const select = value.selectAction as Record<string, unknown> | undefined;
    const data = select?.data as Record<string, unknown> | undefined;
    const found = findRef(data);
    if (found) refs.push(found);
  });
  return refs;
}

function findRef(data: Record<string, unknown> | undefined): string | undefined {
  let ref: string | undefined;
  walk(data, (value) => {
    if (ref === undefined && typeof value.ref === "string") ref = value.ref;
  });
  return ref;
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
