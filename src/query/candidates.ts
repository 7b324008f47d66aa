import type { Action } from "../domain/action.ts";
import type { Query, RagChoice } from "../domain/question/index.ts";
import { isAskersAction, leadMatches } from "../domain/question/lead-match.ts";
import { searchedText } from "../domain/question/text-match.ts";
import { tokenize } from "../domain/question/tokens.ts";
import { STOPWORDS, stem } from "../domain/question/word-forms.ts";

/**
 * A quick first cut of the actions a question could match, from look-ups built once per picture
 * of the plan, so that `evaluateQuery` (which decides every answer) checks a few hundred actions
 * rather than every one of 10,000. Each cut keeps every action the full check could accept:
 *
 * - priority, RAG and Ref by look-up;
 * - Lead by testing each distinct Lead cell once (a plan has a few dozen, not thousands);
 * - free text by a substring test: a searched word matches a word of the action whose stem is the
 *   word or starts with it, and a stem less its last letter is always part of the word as written
 *   (stems only drop endings, or turn "ies" into "y"), so an action whose text lacks that part
 *   cannot match.
 */
export class CandidateIndex {
  /** Each look-up holds positions in `actions`, in order. */
  private readonly byPriority = new Map<number, number[]>();
  private readonly byRag = new Map<RagChoice, number[]>();
  private readonly byLead = new Map<string, number[]>();
  private readonly byRef = new Map<string, number[]>();
  private searchText: string[] | null = null;

  /** `actions` in the order answers list them. */
  constructor(private readonly actions: readonly Action[]) {
    actions.forEach((action, at) => {
      for (const priority of action.priorities) push(this.byPriority, priority, at);
      push(this.byRag, action.rag ?? "none", at);
      push(this.byLead, action.lead, at);
      push(this.byRef, action.ref, at);
    });
  }

  /** The actions that may match, in order; `evaluateQuery` over them gives the whole answer. */
  candidates(query: Query, askerLeads: string[]): Action[] {
    const cuts: number[][][] = [];
    const lookUp = <K>(map: Map<K, number[]>, keys: K[]) => keys.map((key) => map.get(key) ?? []);
    if (query.refs.length) cuts.push(lookUp(this.byRef, query.refs));
    if (query.priorities.length) cuts.push(lookUp(this.byPriority, query.priorities));
    // A past quarter's RAG ("red last quarter") is not the RAG the look-up holds.
    // "red or overdue" lets actions of other RAGs through, so the RAG look-up cannot cut them.
    if (query.rags.length && !query.asAt && !query.either?.includes("rags"))
      cuts.push(lookUp(this.byRag, query.rags));
    if (query.leads.length) {
      cuts.push(this.withLead((lead) => query.leads.some((filter) => leadMatches(filter, lead))));
    }
    if (query.mine) cuts.push(this.withLead((lead) => isAskersAction(askerLeads, lead)));
    if (query.text.length) cuts.push([this.mentioning(query.text)]);
    return this.inEvery(cuts);
  }

  private withLead(test: (lead: string) => boolean): number[][] {
    return [...this.byLead].flatMap(([lead, positions]) => (test(lead) ? [positions] : []));
  }

  private mentioning(phrases: string[]): number[] {
    const parts = phrases.flatMap(requiredParts);
    this.searchText ??= this.actions.map((action) => searchable(searchedText(action)));
    const found: number[] = [];
    this.searchText.forEach((text, at) => {
      if (parts.every((part) => text.includes(part))) found.push(at);
    });
    return found;
  }

  /**
   * The actions in every cut (all of them when there is none), in order. A cut is the union of
   * its lists: an action in two of them (two priorities asked, both its own) counts once.
   */
  private inEvery(cuts: number[][][]): Action[] {
    if (cuts.length === 0) return [...this.actions];
    const hits = new Uint8Array(this.actions.length);
    cuts.forEach((lists, cut) => {
      for (const list of lists) {
        for (const at of list) if (hits[at] === cut) hits[at] = cut + 1;
      }
    });
    const found: Action[] = [];
    hits.forEach((count, at) => {
      if (count === cuts.length) found.push(this.actions[at] as Action);
    });
    return found;
  }
}

function push<K>(map: Map<K, number[]>, key: K, at: number): void {
  const list = map.get(key);
  if (list) list.push(at);
  else map.set(key, [at]);
}

/** Text as the question tokenizer sees it before splitting: accents, apostrophes and case gone. */
function searchable(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[’‘`´']/g, "")
    .replace(/&/g, " and ")
    .toLowerCase();
}

/** For each searched word, the part every matching action's text must contain (see above). */
function requiredParts(phrase: string): string[] {
  return tokenize(phrase)
    .filter((token) => token.kind !== "slash" && !STOPWORDS.has(token.text))
    .map((token) => stem(token.text).slice(0, -1))
    .filter((part) => /^[\x20-\x7e]+$/.test(part));
}
