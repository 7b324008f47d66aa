import type { Person } from "../domain/person.ts";
import type { CardActionHandlers } from "../messaging.ts";
import { type Answer, type AskContext, answerQuery } from "./answer-query.ts";
import { answerQuestion } from "./answer-question.ts";
import { showAction } from "./show-action.ts";

/** Runs `work` for someone who may ask (a refusal for anyone else). */
export type Answering = (person: Person, work: (context: AskContext) => Answer) => Promise<Answer>;

/**
 * The answer cards' buttons: an example question, the next page, one action's details. The bot's
 * router has checked each payload against its verb's schema (a "More" button's question against
 * the query schema); the answer is still narrowed to what the person pressing may see, whatever
 * the card carried.
 */
export function questionCardActions(answering: Answering): CardActionHandlers {
  return {
    askQuestion: async (turn) =>
      (await answering(turn.person, (context) => answerQuestion(context, turn.data.text))).card,
    askInPlan: async (turn) => {
      const { text, planId } = turn.data;
      return (await answering(turn.person, (context) => answerQuestion(context, text, planId)))
        .card;
    },
    moreResults: async (turn) => {
      const { query, page } = turn.data;
      return (await answering(turn.person, (context) => answerQuery(context, query, { page })))
        .card;
    },
    showAction: async (turn) => {
      const { ref, planId } = turn.data;
      return (await answering(turn.person, (context) => showAction(context, ref, [planId]))).card;
    },
  };
}
