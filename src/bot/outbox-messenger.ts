import { DomainError } from "../domain/errors.ts";
import type { Card, Messenger, OutboundMessage } from "../messaging.ts";
import { type OutboxItem, type OutboxRepo, outboxId } from "../store/outbox-repo.ts";
import type { OutboxSender } from "./outbox-sender.ts";
import type { TeamsDirectory } from "./teams-directory.ts";

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
  return {
    async send(message: OutboundMessage) {
      const key = message.key.trim();
      const to = message.to.trim().toLowerCase();
      if (!key || !to) {
        throw new DomainError("invalid_input", "A message needs a key and a recipient.", {
          key,
          to,
        });
      }
      const queued = await o.outbox.enqueue({
        id: outboxId(key),
        key,
        to,
        card: message.card,
        summary: message.summary,
        state: "pending",
        queuedAt: o.now().toISOString(),
        attempts: 0,
        notBefore: 0,
        claim: null,
        cardVersion: 0,
        delivery: null,
        pendingCard: null,
        failure: null,
        updateFailure: null,
      });
      if (queued) o.sender.wake();
      return { queued };
    },

    async update(key: string, card: Card) {
      const changed = await o.outbox.mutate(outboxId(key.trim()), (item) => {
        const cardVersion = item.cardVersion + 1;
        // Not sent yet: the new card simply goes instead of the old one.
        if (item.state === "pending") return { ...item, card, cardVersion };
        if (item.state === "sent") {
          return { ...item, card, cardVersion, pendingCard: card, attempts: 0, notBefore: 0 };
        }
        return null;
      });
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
