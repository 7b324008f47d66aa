import type { Action } from "../action.ts";
import type { Plan } from "../plan.ts";
import { searchedText } from "./text-match.ts";
import { wordsOf } from "./tokens.ts";
import { STOPWORDS } from "./word-forms.ts";

/** What the parser knows of one plan: the names people use and the plan's own words. */
export type PlanVocabulary = {
  /** `plan`: the plan the priority is in, when the words come from several plans. */
  priorities: { number: number; name: string; plan?: string }[];
  /** Lead cells as the plan writes them, each spelling once. */
  leads: string[];
  sections: string[];
  deliveryAreas: string[];
  refs: string[];
  /** Words of the actions' titles, outcomes and areas: free-text search and spelling targets. */
  words?: string[];
  /**
   * Those of the words the plan writes in capitals ("DCO", "CAMHS"), lower-cased: abbreviations
   * the plan uses, not everyday words, so a name's initials among them may be typed in lower case.
   */
  acronyms?: string[];
  /**
   * The store's plans, when it holds more than one, so a question may name one ("the SEND plan").
   * Absent with one plan: naming it adds nothing, and the answers stay as they always were.
   */
  plans?: { id: string; name: string }[];
  /** The one plan these words are from, so a question may still name it ("the Rutland plan"). */
  plan?: { id: string; name: string };
};

export function buildVocabulary(plan: Plan, actions: Action[]): PlanVocabulary {
  const words = new Set<string>();
  const acronyms = new Set<string>();
  for (const action of actions) {
    const text = searchedText(action);
    for (const raw of wordsOf(text)) {
      const word = raw.toLowerCase();
      if (word.length >= 3 && !STOPWORDS.has(word)) {
        words.add(word);
        if (raw === raw.toUpperCase()) acronyms.add(word);
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
    acronyms: [...acronyms].sort(),
    plan: { id: plan.id, name: plan.name },
  };
}

/** Non-empty values, first spelling kept, in the plan's order. */
function distinct(values: string[]): string[] {
  return [...new Set(values.filter((value) => value.length > 0))];
}

/**
 * The words of several plans together, for a store that holds more than one: every plan's names,
 * Refs and text, each priority marked with its plan (numbers repeat from plan to plan), and the
 * plans' own names.
 */
export function mergeVocabularies(
  parts: { plan: Pick<Plan, "id" | "name">; vocabulary: PlanVocabulary }[],
): PlanVocabulary {
  const all = <K extends "leads" | "sections" | "deliveryAreas" | "refs">(key: K) =>
    distinct(parts.flatMap(({ vocabulary }) => vocabulary[key]));
  return {
    priorities: parts.flatMap(({ plan, vocabulary }) =>
      vocabulary.priorities.map(({ number, name }) => ({ number, name, plan: plan.id })),
    ),
    leads: all("leads"),
    sections: all("sections"),
    deliveryAreas: all("deliveryAreas"),
    refs: all("refs"),
    words: [...new Set(parts.flatMap(({ vocabulary }) => vocabulary.words ?? []))].sort(),
    acronyms: [...new Set(parts.flatMap(({ vocabulary }) => vocabulary.acronyms ?? []))].sort(),
    plans: parts.map(({ plan }) => ({ id: plan.id, name: plan.name })),
  };
}
