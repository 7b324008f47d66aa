/**
 * Whether a question's reading and answering stay linear in its length: long and adversarial
 * messages (a name said over and over, near-miss words, many dates, nested negations) are timed
 * at 500 and at 2,000 characters over a 10,000-action plan, and the worst ratio of the two is
 * reported. Linear work gives about 4× (less, while fixed costs dominate); quadratic work, 16×.
 * Timed here rather than in the unit suite, where a busy machine would make any time limit flaky.
 * Run alone: `npx tsx bench/question-scaling.ts`.
 */

import { pathToFileURL } from "node:url";
import fc from "fast-check";
import type { Person } from "../src/domain/person.ts";
import { SAMPLE_PLAN } from "../src/domain/plan.ts";
import { buildVocabulary, parseQuestion } from "../src/domain/question/index.ts";
import type { AskContext } from "../src/query/answer-query.ts";
import { answerQuestion } from "../src/query/answer-question.ts";
import { buildSnapshot } from "../src/query/plan-snapshot.ts";
import { adversarialFamilies } from "../tests/questions/adversarial-questions.ts";
import { benchAction } from "./question-latency.ts";
import { SCALING_TARGET } from "./targets.ts";

export interface QuestionScalingResult {
  actions: number;
  /** Messages timed of each kind. */
  perFamily: number;
  /** The largest time(2,000 characters) ÷ time(500 characters) over the kinds of message, reading only. */
  worstParseRatio: number;
  /** The same for the whole answer: reading, finding the actions, building the card. */
  worstAnswerRatio: number;
  /** The slowest answer to a 2,000-character message. */
  slowestAnswerMs: number;
  /** The kind of message whose time grew most. */
  worstFamily: string;
}

const SHORT = 500;
const LONG = 2000;
const TODAY = "2026-11-23";

const MANAGER: Person = {
  id: "manager@council.gov.uk",
  email: "manager@council.gov.uk",
  name: "A Manager",
  roles: ["manager"],
  leads: [],
};

/**
 * Milliseconds per call: the fastest of five rounds of at least 10 ms each, so a moment when
 * the shared machine is busy elsewhere is not taken for the work the call does.
 */
function timePerCall(run: () => unknown): number {
  run();
  let best = Number.POSITIVE_INFINITY;
  for (let round = 0; round < 5; round++) {
    let calls = 0;
    const started = performance.now();
    let elapsed = 0;
    while (elapsed < 10) {
      run();
      calls++;
      elapsed = performance.now() - started;
    }
    best = Math.min(best, elapsed / calls);
  }
  return best;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
};

export function measureQuestionScaling(
  options: { actions?: number; perFamily?: number; log?: (line: string) => void } = {},
): QuestionScalingResult {
  const count = options.actions ?? 10_000;
  const perFamily = options.perFamily ?? 9;
  const log = options.log ?? (() => {});
  const actions = Array.from({ length: count }, (_, n) => benchAction(n));
  const vocabulary = buildVocabulary(SAMPLE_PLAN, actions);
  const snapshot = buildSnapshot({
    plan: SAMPLE_PLAN,
    actions,
    updates: [],
    reviews: [],
    vocabulary,
  });
  const context: AskContext = {
    snapshot,
    person: MANAGER,
    reach: "wholePlan",
    today: TODAY,
    currentQuarter: "2026-Q3",
    timeZone: "Europe/London",
    actionUrl: () => "https://example.invalid/tab",
  };
  const names = [
    ...SAMPLE_PLAN.priorities.map((p) => p.name),
    ...new Set(actions.slice(0, 100).flatMap((a) => [a.lead, a.section, a.deliveryArea])),
    "fostering adoption exploitation care leavers SEND",
  ];
  let worstParseRatio = 0;
  let worstAnswerRatio = 0;
  let slowestAnswerMs = 0;
  let worstFamily = "";
  const families = adversarialFamilies(names, LONG);
  // A family's ratio is the median over its messages, so one noisy timing does not decide it.
  for (const [family, messagesOf] of Object.entries(families)) {
    const parseRatios: number[] = [];
    const answerRatios: number[] = [];
    for (const long of fc.sample(messagesOf, { numRuns: perFamily, seed: 2026 })) {
      const short = long.slice(0, SHORT);
      parseRatios.push(
        timePerCall(() => parseQuestion(long, vocabulary, TODAY)) /
          timePerCall(() => parseQuestion(short, vocabulary, TODAY)),
      );
      const longAnswer = timePerCall(() => answerQuestion(context, long));
      answerRatios.push(longAnswer / timePerCall(() => answerQuestion(context, short)));
      slowestAnswerMs = Math.max(slowestAnswerMs, longAnswer);
    }
    const parseRatio = median(parseRatios);
    const answerRatio = median(answerRatios);
    log(
      `${family}: 4× the text, ${parseRatio.toFixed(2)}× to read, ${answerRatio.toFixed(2)}× to answer`,
    );
    if (Math.max(parseRatio, answerRatio) > Math.max(worstParseRatio, worstAnswerRatio)) {
      worstFamily = family;
    }
    worstParseRatio = Math.max(worstParseRatio, parseRatio);
    worstAnswerRatio = Math.max(worstAnswerRatio, answerRatio);
  }
  const round = (n: number) => Math.round(n * 100) / 100;
  return {
    actions: count,
    perFamily,
    worstParseRatio: round(worstParseRatio),
    worstAnswerRatio: round(worstAnswerRatio),
    slowestAnswerMs: round(slowestAnswerMs),
    worstFamily,
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const result = measureQuestionScaling({ log: (line) => console.log(line) });
  console.table([result]);
  const worst = Math.max(result.worstParseRatio, result.worstAnswerRatio);
  console.log(
    worst <= SCALING_TARGET
      ? `Linear: 4× the text takes at most ${worst}× the time.`
      : `NOT linear: 4× the text took ${worst}× the time.`,
  );
}
