import type { Clock } from "../clock.ts";
import type { Card, Messenger, OutboundMessage } from "../messaging.ts";
import { type OutboxItem, outboxId } from "../store/outbox-repo.ts";
import type { Store } from "../store/store.ts";

/** A message as it first enters the outbox: pending, not yet claimed or tried. */
export function newOutboxItem(message: OutboundMessage, now: Date): OutboxItem {
  return {
    id: outboxId(message.key),
    key: message.key,
    to: message.to,
    card: message.card,
    summary: message.summary,
    state: "pending",
    queuedAt: now.toISOString(),
    attempts: 0,
    notBefore: 0,
    claim: null,
    cardVersion: 0,
    delivery: null,
    pendingCard: null,
    failure: null,
    updateFailure: null,
  };
}

/**
 * A Messenger for processes that do not talk to Teams themselves (the CLI): it only writes to the
 * durable outbox, and the running server's sender delivers what it finds there. The key is the
 * outbox id, so a message queued here and by the server is still queued once.
 */
export function createOutboxMessenger(store: Store, clock: Clock): Messenger {
  return {
    async send(message) {
      return { queued: await store.outbox.enqueue(newOutboxItem(message, clock.now())) };
    },
    async update(key: string, card: Card) {
      await store.outbox.mutate(outboxId(key), (item) =>
        item.state === "pending"
          ? { ...item, card, cardVersion: item.cardVersion + 1 }
          : {
              ...item,
              pendingCard: card,
              cardVersion: item.cardVersion + 1,
              attempts: 0,
              updateFailure: null,
            },
      );
    },
    async teamsUserIdOf(personId) {
      return (await store.conversations.memberByEmail(personId))?.teamsUserId;
    },
  };
}
