import { QUESTIONS, benchAction } from "./bench/question-latency.ts";
import { SAMPLE_PLAN } from "./src/domain/plan.ts";
import { buildVocabulary, parseQuestion } from "./src/domain/question/index.ts";
import { buildSnapshot } from "./src/query/plan-snapshot.ts";
import { answerQuestion } from "./src/query/answer-question.ts";
const actions = Array.from({ length: 10000 }, (_, n) => benchAction(n));
let t = performance.now();
const vocabulary = buildVocabulary(SAMPLE_PLAN, actions);
console.log("vocab", (performance.now() - t).toFixed(1), "words", vocabulary.words?.length, "leads", vocabulary.leads.length, "areas", vocabulary.deliveryAreas.length);
const snapshot = buildSnapshot({ plan: SAMPLE_PLAN, actions, updates: [], reviews: [], vocabulary });
const person = { id: "m", email: "m", name: "M", roles: ["manager" as const], leads: [] };
const ctx = { snapshot, person, reach: "wholePlan" as const, today: "2026-11-23", currentQuarter: "2026-Q3", timeZone: "Europe/London", actionUrl: (r: string) => r };
for (let round = 0; round < 3; round++) {
  for (const q of QUESTIONS) {
    t = performance.now();
    parseQuestion(q, vocabulary, "2026-11-23");
    const p = performance.now() - t;
    t = performance.now();
    const a = answerQuestion(ctx, q);
    console.log(round, q.padEnd(32), "parse", p.toFixed(1), "answer", (performance.now() - t).toFixed(1), JSON.stringify(a.card).length);
  }
}
