import { CloudAdapter } from "botbuilder";
import type { RequestHandler } from "express";
import type { Clock } from "../clock.ts";
import type { Config } from "../config.ts";
import { DEMO_WELCOME_NOTE } from "../demo/demo-note.ts";
import type { Logger } from "../logger.ts";
import type { Feature } from "../messaging.ts";
import { OutboxDelivery } from "../outbox/outbox-delivery.ts";
import { type BotMessenger, outboxMessenger } from "../outbox/outbox-messenger.ts";
import { OutboxSender } from "../outbox/outbox-sender.ts";
import { teamsRateLimits } from "../outbox/rate-limits.ts";
import { DEFAULT_RETRY } from "../outbox/retry-policy.ts";
import { SendRateLimiter } from "../outbox/send-rate-limiter.ts";
import { newSenderIdentity } from "../outbox/sender-identity.ts";
import type { Store } from "../store/store.ts";
import { ActivityRouter } from "./activity-router.ts";
import { TurnFailedError } from "./already-logged.ts";
import { botFrameworkAuthentication } from "./bot-authentication.ts";
import { BotConnector } from "./bot-connector.ts";
import { ConnectorCalls } from "./connector-calls.ts";
import { helpFeature } from "./help-feature.ts";
import { botEndpoint } from "./http-bridge.ts";
import { IdentityResolver } from "./identity.ts";
import { InstallEvents } from "./install-events.ts";
import { TeamsDirectory } from "./teams-directory.ts";
import { PlanTrackerActivityHandler } from "./teams-handler.ts";
import { credentialsTokenSource } from "./token-source.ts";
import { replyTo } from "./turn-reply.ts";

export interface CreateBotOptions {
  config: Config;
  store: Store;
  clock: Clock;
  logger: Logger;
  /** Read on every turn, so features may be added after the bot is created. */
  features: readonly Feature[];
}

export interface Bot {
  /** `POST /api/messages`. */
  endpoint: RequestHandler[];
  messenger: BotMessenger;
}

/** A claim outlives the slowest request (20 s timeout) with room to spare. */
const CLAIM_TTL_MS = 60_000;

/** The Teams bot: inbound activities through one router, outbound messages through the outbox. */
export function createBot(o: CreateBotOptions): Bot {
  const { authentication, credentials, settings } = botFrameworkAuthentication(
    o.config.botFramework,
  );
  const adapter = new CloudAdapter(authentication);
  adapter.onTurnError = async (context, error) => {
    // Logged here once, stack inside the one JSON line; botbuilder then answers 500 with only
    // the rethrown error's plain message.
    o.logger.error("an activity could not be handled", { type: context.activity.type, error });
    throw new TurnFailedError();
  };

  const connector = new BotConnector({ tokens: credentialsTokenSource(credentials, settings) });
  const limiter = new SendRateLimiter(teamsRateLimits(o.config.SEND_RATE_PER_SECOND));
  const calls = new ConnectorCalls(limiter);
  const now = () => o.clock.now();
  const directory = new TeamsDirectory(o.store.conversations, now);
  const identity = new IdentityResolver({ directory, connector, calls, people: o.store.people });

  const senderIdentity = newSenderIdentity();
  const delivery = new OutboxDelivery({
    outbox: o.store.outbox,
    directory,
    connector,
    limiter,
    logger: o.logger,
    identity: senderIdentity,
    retry: { ...DEFAULT_RETRY, deadlineMs: o.config.SEND_DEADLINE_HOURS * 3_600_000 },
    claimTtlMs: CLAIM_TTL_MS,
    nowMs: () => Date.now(),
    now,
  });
  const sender = new OutboxSender({
    outbox: o.store.outbox,
    delivery,
    limiter,
    identity: senderIdentity,
    logger: o.logger,
    // Enough work in hand to keep the limiter busy at the configured rate.
    maxInFlight: Math.min(128, Math.max(16, Math.ceil(o.config.SEND_RATE_PER_SECOND / 2))),
  });
  const messenger = outboxMessenger({ outbox: o.store.outbox, sender, directory, now });

  const installs = new InstallEvents({
    store: o.store,
    directory,
    identity,
    connector,
    calls,
    logger: o.logger,
    now,
    welcomeNote: o.config.DEMO_MODE ? DEMO_WELCOME_NOTE : undefined,
  });
  const router = new ActivityRouter({
    features: o.features,
    builtIns: [helpFeature()],
    identity,
    installs,
    people: o.store.people,
    replyTo: (origin) => replyTo(connector, calls, origin),
    logger: o.logger,
  });
  const handler = new PlanTrackerActivityHandler(router);
  return {
    endpoint: botEndpoint(adapter, (context) => handler.run(context), o.logger),
    messenger,
  };
}
