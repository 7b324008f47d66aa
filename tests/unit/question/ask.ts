import type { Action } from "../../../src/domain/action.ts";
import type { Plan } from "../../../src/domain/plan.ts";
import {
  buildVocabulary,
  evaluateQuery,
  type ParsedQuestion,
  type PlanVocabulary,
  parseQuestion,
  type Query,
} from "../../../src/domain/question/index.ts";
import { emptyQuery } from "../../../src/domain/question/query.ts";
import type { Update } from "../../../src/domain/update.ts";
import { loadSamplePlan } from "./load-sample.ts";

/** A plan as the question feature sees it, with the asker and the day fixed. */
export type Fixture = {
  vocab: PlanVocabulary;
  actions: Action[];
  updates: Update[];
  currentQuarter: string;
  today: string;
  askerLeads: string[];
};

export function fixture(
  plan: Plan,
  actions: Action[],
  rest: Omit<Fixture, "vocab" | "actions">,
): Fixture {
  return { vocab: buildVocabulary(plan, actions), actions, ...rest };
}

/**
 * The Refs a manager would see for a question, "unknown" when it was not understood, "none" for a
 * Ref the plan does not hold (the answer says there is no such action), or "asks which" when a
 * word fits several of the plan's names.
 */
export function answerRefs(
  question: string,
  world: Fixture,
): string[] | "unknown" | "none" | "asks which" {
  const parsed = parseQuestion(question, world.vocab, world.today, world.currentQuarter);
  if (parsed.kind === "unknown") return "unknown";
  if (parsed.kind === "missingRef") return "none";
  if (parsed.kind === "query" && parsed.chooseName) return "asks which";
  if (parsed.kind === "ref") return [parsed.ref];
  const query =
    parsed.kind === "summary" ? { ...emptyQuery(), priorities: parsed.priorities } : parsed.query;
  return evaluateQuery(query, world).map((action) => action.ref);
}

let sampleVocabulary: PlanVocabulary | null = null;

/** Reads a question against the sample plan's vocabulary. */
export function parseSample(text: string, today = "2026-11-23"): ParsedQuestion {
  if (!sampleVocabulary) {
    const { plan, actions } = loadSamplePlan();
    sampleVocabulary = buildVocabulary(plan, actions);
  }
  return parseQuestion(text, sampleVocabulary, today);
}

/** The query read from a question, failing the test when it was read as something else. */
export function sampleQuery(text: string, today = "2026-11-23"): Query {
  const parsed = parseSample(text, today);
  if (parsed.kind !== "query") throw new Error(`"${text}" was read as ${JSON.stringify(parsed)}`);
  return parsed.query;
}
