import type { Card } from "../messaging.ts";
import type { TeamsMember } from "../store/conversations-repo.ts";

/**
 * The Teams requests outbound delivery makes, one request per call and no retries (the outbox
 * retries, and must see every attempt to stay inside Teams' limits). `src/bot` implements it over
 * the Bot Connector; a failed request throws a `ConnectorError`.
 */
export interface TeamsCalls {
  /** Opens (or finds: Teams answers with the same id) the 1:1 chat between the bot and a user. */
  openPersonalChat(
    serviceUrl: string,
    p: { userId: string; tenantId: string | null; botId: string | null },
  ): Promise<{ id: string }>;
  /** Posts a card as a new message in the conversation; answers with the new message's id. */
  sendCard(
    serviceUrl: string,
    conversationId: string,
    card: Card,
    summary: string,
  ): Promise<{ id: string }>;
  /** Posts a card in the thread of message `replyToId` (channels and group chats). */
  replyWithCard(
    serviceUrl: string,
    conversationId: string,
    replyToId: string,
    card: Card,
    summary: string,
  ): Promise<{ id: string }>;
  /** Puts a new card over message `activityId`, sent earlier. */
  replaceCard(
    serviceUrl: string,
    conversationId: string,
    activityId: string,
    card: Card,
    summary: string,
  ): Promise<unknown>;
}

/** Where people are in Teams, as the bot last learned it (its cache in front of the store). */
export interface TeamsAddresses {
  /** The Teams account of a directory person, by their email, read at most `maxAgeMs` ago. */
  memberOf(personId: string, maxAgeMs?: number): Promise<TeamsMember | null>;
  /** Starts reading, together, the records of these people not read in the last `maxAgeMs`. */
  warm(personIds: Iterable<string>, maxAgeMs?: number): void;
  /** Creates or changes a member record; `change` returns null to leave it as it is. */
  save(
    teamsUserId: string,
    change: (existing: TeamsMember | null, nowIso: string) => TeamsMember | null,
  ): Promise<TeamsMember | null>;
}

/**
 * How old a record may be to address a proactive message: long enough to cover a whole review
 * round, whose leads are looked up as their forms are queued. A person's chat and service URL
 * rarely change; when a message is refused (403/404) with an older record, the sender reads the
 * record again before giving up (`OutboxDelivery`).
 */
export const ADDRESS_MAX_AGE_MS = 10 * 60_000;
