/** The plain-English question feature: read a question, answer it from the plan, describe it. */
export { countSummary } from "./count-summary.ts";
export { describeQuery } from "./describe-query.ts";
export { evaluateQuery } from "./evaluate-query.ts";
export { EXAMPLE_QUESTIONS } from "./example-questions.ts";
export { parseQuestion, prepareParser } from "./parse-question.ts";
export {
  type Correction,
  emptyQuery,
  type NameChoice,
  type NameRead,
  type ParsedQuestion,
  type Query,
  QuerySchema,
  type RagChoice,
} from "./query.ts";
export { buildVocabulary, mergeVocabularies, type PlanVocabulary } from "./vocabulary.ts";
