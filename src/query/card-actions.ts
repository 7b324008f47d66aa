import { buildNoticeCard } from "../cards/notice-card.ts";
import { CARD_ACTION_SCHEMAS, CARD_VERBS } from "../cards/verbs.ts";
import type { Person } from "../domain/person.ts";
import { QuerySchema } from "../domain/question/index.ts";
import type { Card, CardActionTurn } from "../messaging.ts";
import { type Answer, type AskContext, answerQuery } from "./answer-query.ts";
import { answerQuestion } from "./answer-question.ts";
import { showAction } from "./show-action.ts";

/** Runs `work` for someone who may ask (a refusal for anyone else). */
export type Answering = (person: Person, work: (context: AskContext) => Answer) => Promise<Answer>;

type Handler = (turn: CardActionTurn) => Promise<Card>;

/**
 * The answer cards' buttons: an example question, the next page, one action's details. Each
 * payload is checked before use; a "More" button's question is checked against the query schema
 * and narrowed again to what the person pressing it may see, whatever the card carried.
 */
export function questionCardActions(answering: Answering): Record<string, Handler> {
  return {
    [CARD_VERBS.askQuestion]: async (turn) => {
      const payload = CARD_ACTION_SCHEMAS.askQuestion.safeParse(turn.data);
      if (!payload.success) return oldButtonCard();
      const { text } = payload.data;
      return (await answering(turn.person, (context) => answerQuestion(context, text))).card;
    },
    [CARD_VERBS.askInPlan]: async (turn) => {
      const payload = CARD_ACTION_SCHEMAS.askInPlan.safeParse(turn.data);
      if (!payload.success) return oldButtonCard();
      const { text, planId } = payload.data;
      return (await answering(turn.person, (context) => answerQuestion(context, text, planId)))
        .card;
    },
    [CARD_VERBS.moreResults]: async (turn) => {
      const payload = CARD_ACTION_SCHEMAS.moreResults.safeParse(turn.data);
      const query = payload.success ? QuerySchema.safeParse(payload.data.query) : undefined;
      if (!payload.success || !query?.success) return oldButtonCard();
      const { page } = payload.data;
      return (await answering(turn.person, (context) => answerQuery(context, query.data, { page })))
        .card;
    },
    [CARD_VERBS.showAction]: async (turn) => {
      const payload = CARD_ACTION_SCHEMAS.showAction.safeParse(turn.data);
      if (!payload.success) return oldButtonCard();
      const { ref, planId } = payload.data;
      return (await answering(turn.person, (context) => showAction(context, ref, [planId]))).card;
    },
  };
}

function oldButtonCard(): Card {
  return buildNoticeCard({
    title: "Please ask again",
    lines: [
      "This button is missing some details, perhaps because it is from an older answer.",
      "Type your question again, for example \u201cwhat's red for priority 3\u201d.",
    ],
  });
}
