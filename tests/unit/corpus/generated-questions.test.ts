import { describe, expect, it } from "vitest";
import { productAsker, storeAsker } from "../../questions/ask-product.ts";
import { type CorpusQuestion, generateQuestions } from "../../questions/generate-questions.ts";
import { planNames } from "../../questions/plan-names.ts";
import { loadCorpusPlans } from "../../questions/plans.ts";
import { referenceAnswer } from "../../questions/reference-answer.ts";
import { agrees, describe as say } from "../../questions/score.ts";
import { seededRandom } from "../../questions/seeded-random.ts";
import { generateStoreQuestions, namesByPlan, storeAnswer } from "../../questions/several-plans.ts";

/**
 * A seeded sample of the generated corpus (`npm run eval:questions` runs all of it): up to 12
 * questions per category per plan, each answered by the product and by the reference evaluator,
 * which is written apart from the parser. Every category must reach 99%.
 */
const PER_CATEGORY_PER_PLAN = 12;
const plans = await loadCorpusPlans();

function sample<Q extends CorpusQuestion>(questions: Q[], seed: number): Q[] {
  const random = seededRandom(seed);
  const byCategory = new Map<string, Q[]>();
  for (const q of questions) byCategory.set(q.category, [...(byCategory.get(q.category) ?? []), q]);
  return [...byCategory.values()].flatMap((list) => {
    const shuffled = [...list].sort(() => random.next() - 0.5);
    return shuffled.slice(0, PER_CATEGORY_PER_PLAN);
  });
}

const results = new Map<string, { passed: number; failures: string[] }>();
for (const corpus of plans) {
  const ask = productAsker(corpus);
  const names = planNames(corpus);
  for (const question of sample(generateQuestions(corpus), 17)) {
    const expected = referenceAnswer(question.intent, corpus, names);
    const got = ask(question.text);
    const result = results.get(question.category) ?? { passed: 0, failures: [] };
    if (agrees(expected, got)) result.passed++;
    else
      result.failures.push(
        `[${corpus.key}] "${question.text}": expected ${say(expected)}, got ${say(got)}`,
      );
    results.set(question.category, result);
  }
}

// Every plan in one store: a plan named, none named, Refs two plans share.
const askStore = storeAsker(plans);
const names = namesByPlan(plans);
for (const question of sample(generateStoreQuestions(plans), 17)) {
  const expected = storeAnswer(question.intent, question.planPhrase, plans, names);
  const got = askStore(question.text);
  const category = `several plans: ${question.category}`;
  const result = results.get(category) ?? { passed: 0, failures: [] };
  if (agrees(expected, got)) result.passed++;
  else result.failures.push(`"${question.text}": expected ${say(expected)}, got ${say(got)}`);
  results.set(category, result);
}

describe("the generated question corpus, sampled", () => {
  it.each([...results.keys()].sort())("answers %s questions as the reference does", (category) => {
    const { passed, failures } = results.get(category) ?? { passed: 0, failures: [] };
    const share = passed / (passed + failures.length);
    expect(share, failures.slice(0, 8).join("\n")).toBeGreaterThanOrEqual(0.99);
  });
});
