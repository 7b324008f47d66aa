import { adaptiveCard } from "../cards/card-json.ts";
import { executeAction, heading, sectionTitle, subtleText } from "../cards/elements.ts";
import { escapeCardText } from "../cards/escape-card-text.ts";
import { countOf } from "../cards/list-text.ts";
import { ragTable } from "../cards/rag-table.ts";
import { CARD_VERBS } from "../cards/verbs.ts";
import { describeQuery, emptyQuery } from "../domain/question/index.ts";
import { countsNote, reachNote, withNotes } from "./answer-notes.ts";
import type { Answer, AskContext } from "./answer-query.ts";
import { withinReach } from "./asker.ts";
import { matchesByPlan } from "./find-matches.ts";

/**
 * "summary for priority 1": the actions of those priorities (all, when none is named) counted by
 * RAG, a row per priority, with a button that lists the red ones.
 */
export function answerSummary(context: AskContext, priorities: readonly number[]): Answer {
  const { snapshot, person, reach } = context;
  const query = withinReach({ ...emptyQuery(), priorities: [...priorities] }, reach);
  const groups = matchesByPlan(context, query);
  const actions = groups.flatMap((group) => group.matches);
  const understood = `Summary \u00b7 ${describeQuery(query, snapshot.vocabulary)}`;
  const [first] = priorities;
  const redQuestion = priorities.length === 1 ? `what's red for priority ${first}` : "what's red";
  // With several plans each has its own table: priority 2 of one plan is not priority 2 of another.
  const tables = groups.flatMap(({ plan, matches }) => [
    ...(snapshot.plans
      ? [sectionTitle(`${escapeCardText(plan.name)} \u00b7 ${countOf(matches.length, "action")}`)]
      : []),
    ...ragTable(
      {
        ...plan,
        priorities: plan.priorities.filter(
          (priority) => priorities.length === 0 || priorities.includes(priority.number),
        ),
      },
      matches,
    ),
  ]);
  const card = adaptiveCard(
    [
      heading(`${escapeCardText(understood)} \u00b7 ${countOf(actions.length, "action")}`),
      ...tables,
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
