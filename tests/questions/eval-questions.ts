/**
 * `npm run eval:questions`: every generated question over every plan, answered by the product and
 * by the reference evaluator; prints accuracy per category and per plan with a few failing
 * examples per category. `--all` lists every failure.
 */
import { productAsker, storeAsker } from "./ask-product.ts";
import { generateQuestions } from "./generate-questions.ts";
import { planNames } from "./plan-names.ts";
import { loadCorpusPlans } from "./plans.ts";
import { referenceAnswer } from "./reference-answer.ts";
import { agrees, describe, type Tally, tallyInto } from "./score.ts";
import { generateStoreQuestions, namesByPlan, STORE_KEY, storeAnswer } from "./several-plans.ts";

const showAll = process.argv.includes("--all");
const byCategory = new Map<string, Tally>();
const byPlan = new Map<string, Tally>();
const started = performance.now();
let count = 0;
const plans = await loadCorpusPlans();
for (const corpus of plans) {
  const ask = productAsker(corpus);
  const names = planNames(corpus);
  for (const question of generateQuestions(corpus)) {
    const expected = referenceAnswer(question.intent, corpus, names);
    const got = ask(question.text);
    const ok = agrees(expected, got);
    const failure = `[${corpus.key}] "${question.text}" — expected ${describe(expected)}, got ${describe(got)}`;
    tallyInto(byCategory, question.category, ok, failure);
    tallyInto(byPlan, corpus.key, ok, failure);
    count++;
  }
}

// Every plan in one store: questions naming a plan, or answered from each plan.
const askStore = storeAsker(plans);
const names = namesByPlan(plans);
for (const question of generateStoreQuestions(plans)) {
  const expected = storeAnswer(question.intent, question.planPhrase, plans, names);
  const got = askStore(question.text);
  const ok = agrees(expected, got);
  const failure = `[${STORE_KEY}] "${question.text}" — expected ${describe(expected)}, got ${describe(got)}`;
  tallyInto(byCategory, `${STORE_KEY}: ${question.category}`, ok, failure);
  tallyInto(byPlan, STORE_KEY, ok, failure);
  count++;
}

const percent = (t: Tally) => `${((100 * t.passed) / t.total).toFixed(1)}%`;
const table = (title: string, tallies: Map<string, Tally>) => {
  console.log(`\n${title}`);
  for (const [key, t] of [...tallies].sort()) {
    const mark = t.passed / t.total >= 0.99 ? "  " : "✗ ";
    console.log(
      `${mark}${key.padEnd(30)} ${String(t.passed).padStart(5)}/${String(t.total).padEnd(5)} ${percent(t)}`,
    );
  }
};
table("Accuracy by category (target ≥ 99%)", byCategory);
table("Accuracy by plan", byPlan);
console.log("\nFailing examples");
for (const [key, t] of [...byCategory].sort()) {
  if (t.failures.length === 0) continue;
  console.log(`\n${key} (${t.failures.length} failing)`);
  for (const line of showAll ? t.failures : t.failures.slice(0, 5)) console.log(`  ${line}`);
}
const total = [...byCategory.values()].reduce((sum, t) => sum + t.passed, 0);
console.log(
  `\n${total}/${count} questions agree, in ${Math.round(performance.now() - started)} ms.`,
);
