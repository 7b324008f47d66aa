// SCAFFOLD: replaced by the question feature (issue 7) in this session.
import type { FeatureDeps } from "../feature-deps.ts";
import type { Feature } from "../messaging.ts";

export function createQuestionFeature(_deps: FeatureDeps): Feature {
  return { name: "questions" };
}
