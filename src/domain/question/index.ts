/** The plain-English question feature: read a question, answer it from the plan, describe it. */
export { countSummary, type RagCounts } from "./count-summary.ts";
export { describeQuery } from "./describe-query.ts";
export { evaluateQuery, type QueryData } from "./evaluate-query.ts";
export { EXAMPLE_QUESTIONS } from "./example-questions.ts";
export { compareRefs } from "./natural-ref-order.ts";
export { MAX_QUESTION_LENGTH, parseQuestion } from "./parse-question.ts";
export {
  type Correction,
  type DateFilter,
  emptyQuery,
  type LeadFilter,
  type NameChoice,
  type NameRead,
  type ParsedQuestion,
  type Query,
  QuerySchema,
  type RagChoice,
  type ReviewFilter,
} from "./query.ts";
export { buildVocabulary, mergeVocabularies, type PlanVocabulary } from "./vocabulary.ts";
