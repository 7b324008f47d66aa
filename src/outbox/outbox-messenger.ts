import type { Clock } from "../clock.ts";
import { DomainError } from "../domain/errors.ts";
import type { Card, Messenger, OutboundMessage } from "../messaging.ts";
import type { TeamsMember } from "../store/conversations-repo.ts";
import { newOutboxItem, withReplacementCard } from "../store/outbox-items.ts";
import { type OutboxClaim, type OutboxRepo, outboxId } from "../store/outbox-repo.ts";
import type { Store } from "../store/store.ts";

/** What queueing needs from a sender running in this process: a claim to queue with, and a nudge. */
export interface QueueingSender {
  claimForQueueing(id: string): OutboxClaim | null;
  dropQueuedClaim(id: string, claim: OutboxClaim): void;
  wake(): void;
}

export interface OutboxMessengerOptions {
  outbox: OutboxRepo;
  /** A person's Teams account, by their directory id. */
  memberOf: (personId: string) => Promise<TeamsMember | null>;
  now: () => Date;
  /**
   * This process's sender, when it runs one. Without it (the CLI) messages are queued unclaimed
   * and the running server's sender delivers them.
   */
  sender?: QueueingSender;
}

/**
 * The one Messenger: every message is recorded in the durable outbox under its key (so a message
 * queued twice, by the server or the CLI, is still queued once) and delivered by a sender.
 */
export function outboxMessenger(o: OutboxMessengerOptions): Messenger {
  const sendMany = async (messages: readonly OutboundMessage[]) => {
    const checked = messages.map((message) => {
      const key = message.key.trim();
      const to = message.to.trim().toLowerCase();
      if (!key || !to) {
        throw new DomainError("invalid_input", "A message needs a key and a recipient.", {
          key,
          to,
        });
      }
      return { ...message, key, to };
    });
    // Queued already claimed by this process's sender, which then sends them without a write to
    // claim them; other instances leave them alone unless this one stops (see QueuedClaims).
    const items = checked.map((message) => {
      const claim = o.sender?.claimForQueueing(outboxId(message.key)) ?? null;
      return { item: newOutboxItem(message, o.now(), claim), claim };
    });
    let queued: boolean[] = [];
    try {
      queued =
        items.length === 1
          ? [await o.outbox.enqueue((items[0] as (typeof items)[number]).item)]
          : await o.outbox.enqueueMany(items.map(({ item }) => item));
    } finally {
      items.forEach(({ item, claim }, index) => {
        if (claim && !queued[index]) o.sender?.dropQueuedClaim(item.id, claim);
      });
    }
    if (queued.some(Boolean)) o.sender?.wake();
    return queued.map((ok) => ({ queued: ok }));
  };

  return {
    async send(message: OutboundMessage) {
      const [result] = await sendMany([message]);
      return result as { queued: boolean };
    },
    sendMany,

    async update(key: string, card: Card) {
      const changed = await o.outbox.mutate(outboxId(key.trim()), (item) =>
        withReplacementCard(item, card),
      );
      if (changed) o.sender?.wake();
    },

    async teamsUserIdOf(personId: string) {
      return (await o.memberOf(personId))?.teamsUserId;
    },
  };
}

/**
 * For processes that do not talk to Teams themselves (the CLI): queues exactly as the server
 * does, and the running server's sender delivers what it finds.
 */
export function queueOnlyMessenger(store: Store, clock: Clock): Messenger {
  return outboxMessenger({
    outbox: store.outbox,
    memberOf: (personId) => store.conversations.memberByEmail(personId),
    now: () => clock.now(),
  });
}
