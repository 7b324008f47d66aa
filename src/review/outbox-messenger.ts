import type { Clock } from "../clock.ts";
import type { Card, Messenger } from "../messaging.ts";
import { newOutboxItem, withReplacementCard } from "../store/outbox-items.ts";
import { outboxId } from "../store/outbox-repo.ts";
import type { Store } from "../store/store.ts";

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
    async sendMany(messages) {
      const items = messages.map((message) => newOutboxItem(message, clock.now()));
      return (await store.outbox.enqueueMany(items)).map((queued) => ({ queued }));
    },
    async update(key: string, card: Card) {
      await store.outbox.mutate(outboxId(key), (item) => withReplacementCard(item, card));
    },
    async teamsUserIdOf(personId) {
      return (await store.conversations.memberByEmail(personId))?.teamsUserId;
    },
  };
}
