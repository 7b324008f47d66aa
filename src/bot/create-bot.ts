import { CloudAdapter } from "botbuilder";
import type { RequestHandler } from "express";
import type { Clock } from "../clock.ts";
import type { Config } from "../config.ts";
import { DEMO_WELCOME_NOTE } from "../demo/demo-note.ts";
import type { Logger } from "../logger.ts";
import type { Feature } from "../messaging.ts";
import { ChatReplies } from "../outbox/chat-replies.ts";
import type { Store } from "../store/store.ts";
import { ActivityRouter } from "./activity-router.ts";
import { TurnFailedError } from "./already-logged.ts";
import { helpFeature } from "./help-feature.ts";
import { botEndpoint } from "./http-bridge.ts";
import { IdentityResolver } from "./identity.ts";
import { InstallEvents } from "./install-events.ts";
import type { TeamsConnection } from "./teams-connection.ts";
import { PlanTrackerActivityHandler } from "./teams-handler.ts";
import { replyTo } from "./turn-reply.ts";

export interface CreateBotOptions {
  config: Config;
  store: Store;
  clock: Clock;
  logger: Logger;
  teams: TeamsConnection;
  /** The features the router hands messages and card presses to, built before the bot. */
  features: readonly Feature[];
}

export interface Bot {
  /** `POST /api/messages`. */
  endpoint: RequestHandler[];
  /** Waits, a few seconds at most, for replies still waiting their turn in a chat. */
  drain(): Promise<void>;
}

/** The Teams bot: every inbound activity through one router, to the features it is given. */
export function createBot(o: CreateBotOptions): Bot {
  const adapter = new CloudAdapter(o.teams.authentication);
  adapter.onTurnError = async (context, error) => {
    // Logged here once, stack inside the one JSON line; botbuilder then answers 500 with only
    // the rethrown error's plain message.
    o.logger.error("an activity could not be handled", { type: context.activity.type, error });
    throw new TurnFailedError();
  };

  const { connector, turnCalls: calls, directory } = o.teams;
  const now = () => o.clock.now();
  const identity = new IdentityResolver({ directory, connector, calls, people: o.store.people });
  const replies = new ChatReplies({ limiter: o.teams.limiter, logger: o.logger });

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
    replyTo: (origin) => replyTo(connector, calls, replies, origin),
    logger: o.logger,
  });
  const handler = new PlanTrackerActivityHandler(router);
  return {
    endpoint: botEndpoint(adapter, (context) => handler.run(context), o.logger),
    drain: () => replies.drain(),
  };
}
