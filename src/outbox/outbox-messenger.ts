import type { TeamsDirectory } from "../bot/teams-directory.ts";
import { DomainError } from "../domain/errors.ts";
import type { Card, Messenger, OutboundMessage } from "../messaging.ts";
import { newOutboxItem, withReplacementCard } from "../store/outbox-items.ts";
import { type OutboxItem, type OutboxRepo, outboxId } from "../store/outbox-repo.ts";
import type { OutboxSender } from "./outbox-sender.ts";

/** The proactive sender as the use cases see it, plus what the app and tests need to run it. */
export interface BotMessenger extends Messenger {
  start(): Promise<void>;
  /** Stops sending; messages not yet sent stay queued for the next start. */
  stop(): Promise<void>;
  /** Resolves when the outbox has nothing left to send. */
  idle(): Promise<void>;
  /** Messages Teams refused for good (blocked, uninstalled, unknown to Teams), oldest first. */
  failedDeliveries(): Promise<OutboxItem[]>;
}

export function outboxMessenger(o: {
  outbox: OutboxRepo;
  sender: OutboxSender;
  directory: TeamsDirectory;
  now: () => Date;
}): BotMessenger {
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
      const claim = o.sender.claimForQueueing(outboxId(message.key));
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
        if (claim && !queued[index]) o.sender.dropQueuedClaim(item.id, claim);
      });
    }
    if (queued.some(Boolean)) o.sender.wake();
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
      if (changed) o.sender.wake();
    },

    async teamsUserIdOf(personId: string) {
      return (await o.directory.memberOf(personId))?.teamsUserId;
    },

    async start() {
      o.sender.start();
    },
    stop: () => o.sender.stop(),
    idle: () => o.sender.idle(),
    failedDeliveries: () => o.outbox.listFailed(),
  };
}
