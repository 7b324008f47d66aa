import type { Rag } from "../../src/domain/rag.ts";
import type { CorpusQuestion } from "./generate-questions.ts";
import type { Intent } from "./intent.ts";
import { roughen } from "./phrasing.ts";
import { type PlanName, planNames } from "./plan-names.ts";
import type { CorpusPlan } from "./plans.ts";
import { type Expected, referenceAnswer } from "./reference-answer.ts";
import { seededRandom } from "./seeded-random.ts";
import { QUESTION_WORDS, words } from "./words.ts";

/**
 * Every corpus plan in one store, as the README describes several plans: a question may name a
 * plan by its name or a distinctive part of it ("the Rutland plan"); otherwise each plan's
 * matches are listed under that plan, so "1.1" is each plan's own. Answers are `planId:Ref`.
 */
export type StoreQuestion = CorpusQuestion & { planPhrase?: string };

export const STORE_KEY = "several plans";

/** The plans a phrase names: those whose name holds all of its words but "the" and "plan". */
export function plansNamed(phrase: string, plans: readonly CorpusPlan[]): CorpusPlan[] {
  const wanted = words(phrase).filter((w) => w !== "the" && w !== "plan");
  return plans.filter((p) => wanted.every((w) => words(p.plan.name).includes(w)));
}

/** The reference answer over the whole store; a plan named answers from that plan alone. */
export function storeAnswer(
  intent: Intent,
  planPhrase: string | undefined,
  plans: readonly CorpusPlan[],
  names: ReadonlyMap<string, PlanName[]>,
): Expected {
  const asked = planPhrase === undefined ? plans : plansNamed(planPhrase, plans);
  if (asked.length !== 1 && planPhrase !== undefined) return { kind: "asksWhich" };
  if (intent.ref !== undefined) {
    const holding = asked.filter((p) =>
      p.actions.some((a) => a.ref.toLowerCase() === intent.ref?.toLowerCase()),
    );
    if (holding.length === 0) return { kind: "noSuchAction", ref: intent.ref };
  }
  const refs: string[] = [];
  for (const corpus of asked) {
    const answer = referenceAnswer(intent, corpus, names.get(corpus.key) ?? []);
    if (answer.kind === "asksWhich") return answer;
    if (answer.kind === "refs") refs.push(...answer.refs.map((ref) => `${corpus.plan.id}:${ref}`));
  }
  return { kind: "refs", refs: refs.sort() };
}

/** A distinctive word of a plan's name (in no other plan's name), said with "plan". */
function distinctivePlanWord(corpus: CorpusPlan, plans: readonly CorpusPlan[]): string | null {
  const others = plans.filter((p) => p !== corpus).flatMap((p) => words(p.plan.name));
  const word = corpus.plan.name
    .match(/[A-Za-z]+/g)
    ?.find(
      (w) =>
        w.length >= 5 &&
        !QUESTION_WORDS.has(w.toLowerCase()) &&
        !others.includes(words(w)[0] ?? ""),
    );
  return word ?? null;
}

const RAGS: Rag[] = ["Red", "Amber", "Green"];

/**
 * Questions over the store: each plan named by a distinctive word or its whole name with a RAG or
 * date filter, filters without a plan (every plan's matches), and Refs, shared ones ("1.1") too.
 */
export function generateStoreQuestions(plans: readonly CorpusPlan[], seed = 7): StoreQuestion[] {
  const random = seededRandom(seed);
  const questions: StoreQuestion[] = [];
  const add = (category: string, text: string, intent: Intent, planPhrase?: string) =>
    questions.push({
      category,
      plan: STORE_KEY,
      text: roughen(text, random),
      intent,
      ...(planPhrase ? { planPhrase } : {}),
    });
  for (const corpus of plans) {
    const word = distinctivePlanWord(corpus, plans);
    const sayings = [corpus.plan.name, ...(word ? [`the ${word} plan`] : [])];
    for (const said of sayings) {
      for (let i = 0; i < 3; i++) {
        const rag = random.pick(RAGS);
        add("plan named", `what's ${rag.toLowerCase()} in ${said}`, { rags: [rag] }, said);
        add("plan named", `overdue in ${said}`, { date: { kind: "overdue" } }, said);
        add("plan named", `not ${rag.toLowerCase()} in ${said}`, { notRag: rag }, said);
      }
    }
  }
  for (const rag of RAGS) {
    add("no plan named", `what's ${rag.toLowerCase()}`, { rags: [rag] });
    add("no plan named", `not ${rag.toLowerCase()}`, { notRag: rag });
  }
  add("no plan named", "what's overdue", { date: { kind: "overdue" } });
  add("no plan named", "awaiting sign-off", { state: "awaiting" });
  add("no plan named", "what went red this quarter", { history: "wentRed" });
  const refCounts = new Map<string, number>();
  for (const corpus of plans) {
    for (const action of corpus.actions)
      refCounts.set(action.ref, (refCounts.get(action.ref) ?? 0) + 1);
  }
  for (const [ref, count] of refCounts) {
    // Refs are asked as typed, with their dots: "15" is not "1.5".
    if (count > 1 || random.chance(0.3)) {
      questions.push({
        category: count > 1 ? "shared ref" : "ref known",
        plan: STORE_KEY,
        text: `tell me about ${ref}`,
        intent: { ref },
      });
    }
  }
  return questions;
}

export function namesByPlan(plans: readonly CorpusPlan[]): Map<string, PlanName[]> {
  return new Map(plans.map((p) => [p.key, planNames(p)]));
}
