import type { Action } from "../action.ts";
import type { Plan } from "../plan.ts";
import { tokenize } from "./tokens.ts";
import { STOPWORDS } from "./word-forms.ts";

/** What the parser knows of one plan: the names people use and the plan's own words. */
export type PlanVocabulary = {
  priorities: { number: number; name: string }[];
  /** Lead cells as the plan writes them, each spelling once. */
  leads: string[];
  sections: string[];
  deliveryAreas: string[];
  refs: string[];
  /** Words of the actions' titles, outcomes and areas: free-text search and spelling targets. */
  words?: string[];
};

export function buildVocabulary(plan: Plan, actions: Action[]): PlanVocabulary {
  const words = new Set<string>();
  for (const action of actions) {
    const text = `${action.developmentAction} ${action.expectedOutcome} ${action.deliveryArea}`;
    for (const token of tokenize(text)) {
      if (token.kind === "word" && token.text.length >= 3 && !STOPWORDS.has(token.text)) {
        words.add(token.text);
      }
    }
  }
  return {
    priorities: plan.priorities.map(({ number, name }) => ({ number, name })),
    leads: distinct(actions.map((action) => action.lead.trim())),
    sections: distinct(actions.map((action) => action.section.trim())),
    deliveryAreas: distinct(actions.map((action) => action.deliveryArea.trim())),
    refs: distinct(actions.map((action) => action.ref)),
    words: [...words].sort(),
  };
}

/** Non-empty values, first spelling kept, in the plan's order. */
function distinct(values: string[]): string[] {
  return [...new Set(values.filter((value) => value.length > 0))];
}
