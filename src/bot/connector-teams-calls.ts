import type { TeamsCalls } from "../outbox/teams-calls.ts";
import type { BotConnector } from "./bot-connector.ts";
import { cardActivity } from "./card-activity.ts";

/** The outbox's Teams requests, made through the Bot Connector with each card as a message. */
export function connectorTeamsCalls(connector: BotConnector): TeamsCalls {
  return {
    openPersonalChat: (serviceUrl, p) => connector.createConversation(serviceUrl, p),
    sendCard: (serviceUrl, conversationId, card, summary) =>
      connector.sendToConversation(serviceUrl, conversationId, cardActivity(card, summary)),
    replyWithCard: (serviceUrl, conversationId, replyToId, card, summary) =>
      connector.replyToActivity(serviceUrl, conversationId, replyToId, cardActivity(card, summary)),
    replaceCard: (serviceUrl, conversationId, activityId, card, summary) =>
      connector.updateActivity(serviceUrl, conversationId, activityId, cardActivity(card, summary)),
  };
}
