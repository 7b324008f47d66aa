import type { Action } from "../domain/action.ts";
import type { Query } from "../domain/question/query.ts";
import { actionRow } from "./action-row.ts";
import { type AdaptiveCardJson, adaptiveCard, type CardElement } from "./card-json.ts";
import { executeAction, heading, sectionTitle, subtleText, textBlock } from "./elements.ts";
import { escapeCardText } from "./escape-card-text.ts";
import { countOf } from "./list-text.ts";
import { CARD_VERBS } from "./verbs.ts";

/** More than this many matches are shown a page at a time. */
export const ANSWER_PAGE_SIZE = 20;

export type AnswerInput = {
  /** What the question was understood as, e.g. "Red · Priority 3 — Protecting children at risk of harm". */
  understood: string;
  /** Every matching action, in the order to show them. */
  matches: Action[];
  /**
   * Plan names by id, when the store holds several plans: rows then come under their plan's name
   * (`matches` already in plan order), on every page. Absent with one plan.
   */
  planNames?: ReadonlyMap<string, string>;
  /** 1-based page to show. */
  page?: number;
  /** The parsed question, sent back with "More" so the next page answers the same question. */
  query: Query;
  /** Advice when nothing matched; a general hint is used when absent. */
  tryInstead?: string;
};

const DEFAULT_TRY =
  "Try fewer words, for example \u201cwhat's red\u201d or \u201coverdue actions\u201d, or type \u201csummary\u201d.";

/** The answer to a plain-English question: the actions that match, 20 at a time. */
export function buildAnswerCard(input: AnswerInput): AdaptiveCardJson {
  const understood = escapeCardText(input.understood);
  const total = input.matches.length;
  if (total === 0) {
    return adaptiveCard([
      heading(`No actions match: ${understood}`),
      textBlock(escapeCardText(input.tryInstead ?? DEFAULT_TRY)),
    ]);
  }
  const pages = Math.ceil(total / ANSWER_PAGE_SIZE);
  const page = Math.min(Math.max(1, Math.floor(input.page ?? 1)), pages);
  const first = (page - 1) * ANSWER_PAGE_SIZE;
  const shown = input.matches.slice(first, first + ANSWER_PAGE_SIZE);
  const body: CardElement[] = [heading(`${understood} \u00b7 ${countOf(total, "action")}`)];
  if (pages > 1) {
    body.push(
      textBlock(`Showing ${first + 1}\u2013${first + shown.length} of ${total}`, {
        spacing: "small",
      }),
    );
  }
  body.push(
    subtleText("Tap an action to see its details."),
    ...(input.planNames
      ? rowsUnderPlans(shown, input.matches, input.planNames)
      : shown.map((action) => actionRow(action))),
  );
  const more =
    page < pages
      ? [executeAction("More", CARD_VERBS.moreResults, { query: input.query, page: page + 1 })]
      : [];
  return adaptiveCard(body, { actions: more, fullWidth: true });
}

/** Each plan's rows under its name and count; a page that starts part-way through a plan names it again. */
function rowsUnderPlans(
  shown: Action[],
  all: Action[],
  names: ReadonlyMap<string, string>,
): CardElement[] {
  const counts = new Map<string, number>();
  for (const action of all) counts.set(action.planId, (counts.get(action.planId) ?? 0) + 1);
  const rows: CardElement[] = [];
  let current: string | null = null;
  for (const action of shown) {
    if (action.planId !== current) {
      current = action.planId;
      const name = escapeCardText(names.get(current) ?? current);
      rows.push(sectionTitle(`${name} \u00b7 ${countOf(counts.get(current) ?? 0, "action")}`));
    }
    rows.push(actionRow(action));
  }
  return rows;
}
