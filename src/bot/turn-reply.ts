import type { Card } from "../messaging.ts";
import type { ChatReplies } from "../outbox/chat-replies.ts";
import type { BotConnector } from "./bot-connector.ts";
import { cardActivity } from "./card-activity.ts";
import type { ConnectorCalls } from "./connector-calls.ts";
import type { TurnOrigin } from "./inbound-activity.ts";

/**
 * Answers in the conversation a message came from; in a channel or group chat, in its thread.
 * Replies go out in order per chat; one that must wait for the chat's rate limits waits without
 * holding the inbound request (see `ChatReplies`).
 */
export function replyTo(
  connector: BotConnector,
  calls: ConnectorCalls,
  replies: ChatReplies,
  origin: TurnOrigin,
): (card: Card, summary: string) => Promise<void> {
  return async (card, summary) => {
    const activity = cardActivity(card, summary);
    const { serviceUrl, conversationId, activityId } = origin;
    await replies.send(conversationId, () =>
      calls.run(conversationId, () =>
        origin.scope === "personal" || !activityId
          ? connector.sendToConversation(serviceUrl, conversationId, activity)
          : connector.replyToActivity(serviceUrl, conversationId, activityId, activity),
      ),
    );
  };
}
