import type { Config } from "../config.ts";
import type { Logger } from "../logger.ts";
import type { Messenger } from "../messaging.ts";
import type { OutboxItem, OutboxRepo } from "../store/outbox-repo.ts";
import type { SenderPresenceRepo } from "../store/sender-presence.ts";
import { OutboxDelivery } from "./outbox-delivery.ts";
import { outboxMessenger } from "./outbox-messenger.ts";
import { OutboxSender } from "./outbox-sender.ts";
import { DEFAULT_RETRY } from "./retry-policy.ts";
import type { SendRateLimiter } from "./send-rate-limiter.ts";
import { newSenderIdentity } from "./sender-identity.ts";
import { SharedSendBudget } from "./shared-send-budget.ts";
import type { TeamsAddresses, TeamsCalls } from "./teams-calls.ts";

/** The Messenger as the use cases see it, plus what the app and tests need to run its sender. */
export interface SendingMessenger extends Messenger {
  start(): Promise<void>;
  /** Stops sending; messages not yet sent stay queued for the next start. */
  stop(): Promise<void>;
  /** Resolves when the outbox has nothing left to send. */
  idle(): Promise<void>;
  /** Messages Teams refused for good (blocked, uninstalled, unknown to Teams), oldest first. */
  failedDeliveries(): Promise<OutboxItem[]>;
}

export interface CreateOutboxOptions {
  config: Pick<
    Config,
    "SEND_RATE_PER_SECOND" | "SEND_DEADLINE_HOURS" | "INSTANCE_HEARTBEAT_SECONDS"
  >;
  outbox: OutboxRepo;
  teams: TeamsCalls;
  addresses: TeamsAddresses;
  /** Shared with the requests made during turns, so together they keep to Teams' limits. */
  limiter: SendRateLimiter;
  logger: Logger;
  /**
   * Where running instances note themselves, so that together they keep to one send budget.
   * Without it this sender takes the whole of SEND_RATE_PER_SECOND.
   */
  presence?: SenderPresenceRepo;
  /** Business time, for the timestamps people read (queued, sent, failed). */
  now: () => Date;
}

/** A claim outlives the slowest request (20 s timeout) with room to spare. */
const CLAIM_TTL_MS = 60_000;

/** This process's sender over the durable outbox, and the messenger that queues for it. */
export function createOutbox(o: CreateOutboxOptions): SendingMessenger {
  const identity = newSenderIdentity();
  const delivery = new OutboxDelivery({
    outbox: o.outbox,
    directory: o.addresses,
    teams: o.teams,
    limiter: o.limiter,
    logger: o.logger,
    identity,
    retry: { ...DEFAULT_RETRY, deadlineMs: o.config.SEND_DEADLINE_HOURS * 3_600_000 },
    claimTtlMs: CLAIM_TTL_MS,
    nowMs: () => Date.now(),
    now: o.now,
  });
  const sender = new OutboxSender({
    outbox: o.outbox,
    delivery,
    limiter: o.limiter,
    identity,
    logger: o.logger,
    // Enough work in hand to keep the limiter busy at the configured rate.
    maxInFlight: Math.min(128, Math.max(16, Math.ceil(o.config.SEND_RATE_PER_SECOND / 2))),
  });
  const budget = o.presence
    ? new SharedSendBudget({
        presence: o.presence,
        limiter: o.limiter,
        identity,
        logger: o.logger,
        heartbeatMs: o.config.INSTANCE_HEARTBEAT_SECONDS * 1000,
      })
    : null;
  const messenger = outboxMessenger({
    outbox: o.outbox,
    memberOf: (personId) => o.addresses.memberOf(personId),
    now: o.now,
    sender,
  });
  return {
    ...messenger,
    async start() {
      await budget?.join();
      sender.start();
    },
    async stop() {
      await sender.stop();
      // Unfinished sends go back to the queue now, for another instance to take at its next read.
      try {
        const released = await delivery.releaseClaims();
        if (released > 0) o.logger.info("handed unsent messages back to the queue", { released });
      } catch (error) {
        o.logger.warn(
          "couldn't hand unsent messages back; other instances take them when their claims lapse",
          {
            error: String(error),
          },
        );
      }
      await budget?.leave();
    },
    idle: () => sender.idle(),
    failedDeliveries: () => o.outbox.listFailed(),
  };
}
