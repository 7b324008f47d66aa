import type { Config } from "../config.ts";
import { teamsRateLimits } from "../outbox/rate-limits.ts";
import { SendRateLimiter } from "../outbox/send-rate-limiter.ts";
import type { TeamsCalls } from "../outbox/teams-calls.ts";
import type { Store } from "../store/store.ts";
import { botFrameworkAuthentication } from "./bot-authentication.ts";
import { BotConnector } from "./bot-connector.ts";
import { ConnectorCalls } from "./connector-calls.ts";
import { connectorTeamsCalls } from "./connector-teams-calls.ts";
import { TeamsDirectory } from "./teams-directory.ts";
import { credentialsTokenSource } from "./token-source.ts";

/** Everything that talks to Teams, shared by the inbound door (the bot) and the outbox. */
export interface TeamsConnection {
  /** Checks inbound tokens (botbuilder). */
  authentication: ReturnType<typeof botFrameworkAuthentication>["authentication"];
  connector: BotConnector;
  /** The outbox's requests to Teams. */
  calls: TeamsCalls;
  /** Requests made during a turn, inside the same rate limits as the outbox. */
  turnCalls: ConnectorCalls;
  /** Teams' limits per chat and for the app, shared by every request to Teams. */
  limiter: SendRateLimiter;
  directory: TeamsDirectory;
}

export function connectToTeams(o: {
  config: Config;
  store: Store;
  now: () => Date;
}): TeamsConnection {
  const { authentication, credentials, settings } = botFrameworkAuthentication(
    o.config.botFramework,
  );
  const connector = new BotConnector({ tokens: credentialsTokenSource(credentials, settings) });
  const limiter = new SendRateLimiter(teamsRateLimits(o.config.SEND_RATE_PER_SECOND));
  return {
    authentication,
    connector,
    calls: connectorTeamsCalls(connector),
    turnCalls: new ConnectorCalls(limiter),
    limiter,
    directory: new TeamsDirectory(o.store.conversations, o.now),
  };
}
