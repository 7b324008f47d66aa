import { randomUUID } from "node:crypto";
import { BotConnector } from "../../../src/bot/bot-connector.ts";
import { connectorTeamsCalls } from "../../../src/bot/connector-teams-calls.ts";
import { newMember, TeamsDirectory } from "../../../src/bot/teams-directory.ts";
import { silentLogger } from "../../../src/logger.ts";
import type { SendingMessenger } from "../../../src/outbox/create-outbox.ts";
import { OutboxDelivery } from "../../../src/outbox/outbox-delivery.ts";
import { outboxMessenger } from "../../../src/outbox/outbox-messenger.ts";
import { OutboxSender } from "../../../src/outbox/outbox-sender.ts";
import { teamsRateLimits } from "../../../src/outbox/rate-limits.ts";
import { DEFAULT_RETRY } from "../../../src/outbox/retry-policy.ts";
import { SendRateLimiter } from "../../../src/outbox/send-rate-limiter.ts";
import type { SenderIdentity } from "../../../src/outbox/sender-identity.ts";
import type { Store } from "../../../src/store/store.ts";
import type { StandInConnector, TeamsUser } from "../../support/stand-in-connector.ts";

/**
 * One server instance's proactive sender, wired as `createOutbox` wires it, on a machine the test
 * names: instances on different machines cannot see whether each other's processes are alive, so
 * they only take over each other's claims when the claims lapse.
 */
export interface SenderInstance {
  messenger: SendingMessenger;
  directory: TeamsDirectory;
  identity: SenderIdentity;
}

export function senderInstance(
  store: Store,
  machine: string,
  o: { claimTtlMs?: number; ratePerSecond?: number } = {},
): SenderInstance {
  const now = () => new Date();
  const directory = new TeamsDirectory(store.conversations, now);
  const connector = new BotConnector({ tokens: { authorization: async () => undefined } });
  const limiter = new SendRateLimiter(teamsRateLimits(o.ratePerSecond ?? 200));
  const identity: SenderIdentity = { owner: randomUUID(), host: machine, pid: process.pid };
  const delivery = new OutboxDelivery({
    outbox: store.outbox,
    directory,
    teams: connectorTeamsCalls(connector),
    limiter,
    logger: silentLogger,
    identity,
    retry: { ...DEFAULT_RETRY, baseDelayMs: 50, maxDelayMs: 200 },
    claimTtlMs: o.claimTtlMs ?? 60_000,
    nowMs: () => Date.now(),
    now,
  });
  const sender = new OutboxSender({
    outbox: store.outbox,
    delivery,
    limiter,
    identity,
    logger: silentLogger,
    maxInFlight: 16,
    pollIntervalMs: 100,
  });
  return {
    messenger: {
      ...outboxMessenger({
        outbox: store.outbox,
        memberOf: (personId) => directory.memberOf(personId),
        now,
        sender,
      }),
      start: async () => sender.start(),
      stop: () => sender.stop(),
      idle: () => sender.idle(),
      failedDeliveries: () => store.outbox.listFailed(),
    },
    directory,
    identity,
  };
}

/** Records the person as the bot knows them after they installed it: their 1:1 chat is known. */
export async function knownInTeams(
  store: Store,
  connector: StandInConnector,
  user: TeamsUser,
  personalConversationId = connector.personalConversationOf(user),
): Promise<void> {
  const nowIso = new Date().toISOString();
  await store.conversations.saveMember(user.id, () =>
    newMember(
      {
        teamsUserId: user.id,
        serviceUrl: connector.url,
        aadObjectId: user.aadObjectId,
        tenantId: user.tenantId,
        email: user.email.toLowerCase(),
        userPrincipalName: user.userPrincipalName.toLowerCase(),
        name: user.name,
        botId: "28:plan-tracker-dev",
        personalConversationId,
        personalInstalled: true,
      },
      nowIso,
    ),
  );
}

/** A one-line card naming the message, so each delivery can be told apart. */
export function numberedMessage(key: string, to: TeamsUser) {
  return {
    key,
    to: to.email,
    card: {
      type: "AdaptiveCard",
      version: "1.5",
      body: [{ type: "TextBlock", text: `${key} for ${to.email}` }],
    },
    summary: key,
  };
}
