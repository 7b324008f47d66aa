import { adaptiveCard } from "../cards/card-json.ts";
import { executeAction, heading, subtleText } from "../cards/elements.ts";
import { escapeCardText } from "../cards/escape-card-text.ts";
import { countOf } from "../cards/list-text.ts";
import { ragTable } from "../cards/rag-table.ts";
import { CARD_VERBS } from "../cards/verbs.ts";
import { describeQuery, emptyQuery } from "../domain/question/index.ts";
import { countsNote, reachNote, withNotes } from "./answer-notes.ts";
import type { Answer, AskContext } from "./answer-query.ts";
import { withinReach } from "./asker.ts";
import { findMatches } from "./find-matches.ts";

/**
 * "summary for priority 1": the actions of those priorities (all, when none is named) counted by
 * RAG, a row per priority, with a button that lists the red ones.
 */
export function answerSummary(context: AskContext, priorities: readonly number[]): Answer {
  const { snapshot, person, reach } = context;
  const query = withinReach({ ...emptyQuery(), priorities: [...priorities] }, reach);
  const actions = findMatches(context, query);
  const shownPriorities = snapshot.plan.priorities.filter(
    (priority) => priorities.length === 0 || priorities.includes(priority.number),
  );
  const understood = `Summary \u00b7 ${describeQuery(query, snapshot.vocabulary)}`;
  const [first] = priorities;
  const redQuestion = priorities.length === 1 ? `what's red for priority ${first}` : "what's red";
  const card = adaptiveCard(
    [
      heading(`${escapeCardText(understood)} \u00b7 ${countOf(actions.length, "action")}`),
      ...ragTable({ ...snapshot.plan, priorities: shownPriorities }, actions),
      subtleText("An action in two priorities counts in both rows and once in the total."),
    ],
    {
      actions: [executeAction("Show the red ones", CARD_VERBS.askQuestion, { text: redQuestion })],
      fullWidth: true,
    },
  );
  return {
    card: withNotes(card, [reachNote(person, reach)]),
    summary: `${understood}: ${countsNote(actions)}`,
  };
}
