import type { CardActionData, CardVerb } from "./cards/verbs.ts";
import type { Person } from "./domain/person.ts";

/**
 * The seam between the use cases (review, sign-off, questions) and Teams. `src/bot` implements it;
 * nothing else knows botbuilder.
 */

/** Adaptive Card JSON, as built by `src/cards`. */
export type Card = Record<string, unknown>;

export interface OutboundMessage {
  /**
   * Names the logical message, e.g. `review:2026-Q3:open:hos@council.gov.uk`. The same key is never
   * queued twice, so a repeated or concurrent caller cannot send a message twice.
   */
  key: string;
  /** The person's directory id (lower-cased email). */
  to: string;
  card: Card;
  /** Plain text for notifications and clients that can't show the card. */
  summary: string;
}

export interface Messenger {
  /** Records the message durably, then delivers it within Teams' limits. `queued: false` = key already used. */
  send(message: OutboundMessage): Promise<{ queued: boolean }>;
  /**
   * `send` for many messages at once (a round's forms, a card for each DMT member): recorded with
   * a few store requests per hundred rather than one each. Answers in the same order.
   */
  sendMany(messages: readonly OutboundMessage[]): Promise<{ queued: boolean }[]>;
  /** Replaces the card of a message sent earlier under `key` (no-op if it was never delivered). */
  update(key: string, card: Card): Promise<void>;
  /** The person's Teams user id (`29:…`), for a card's `refresh.userIds`, when known. */
  teamsUserIdOf(personId: string): Promise<string | undefined>;
}

export type ConversationScope = "personal" | "channel" | "groupChat";

/** An inbound chat message from a person found in the directory. */
export interface MessageTurn {
  person: Person;
  /** The text with any @mention of the bot removed, trimmed. */
  text: string;
  scope: ConversationScope;
  /** Answers in the same conversation (in a channel: in the thread). */
  reply(card: Card, summary: string): Promise<void>;
}

/** A press of an `Action.Execute` button (invoke `adaptiveCard/action`), from a known person. */
export interface CardActionTurn<V extends CardVerb = CardVerb> {
  person: Person;
  verb: V;
  /** The button's data, already read by its verb's schema: a handler never parses it again. */
  data: CardActionData<V>;
  /** "manual" for a press, "automatic" for a card refresh. */
  trigger: "manual" | "automatic";
  scope: ConversationScope;
}

/** Answers one verb; the returned card replaces the pressed card for the person who pressed it. */
export type CardActionHandler<V extends CardVerb> = (turn: CardActionTurn<V>) => Promise<Card>;

/** A feature's buttons, each handler typed by its verb's data. */
export type CardActionHandlers = { [V in CardVerb]?: CardActionHandler<V> };

/** Buttons answered from the card alone, when not even who pressed can be looked up. */
export type StoreDownHandlers = {
  [V in CardVerb]?: (data: CardActionData<V>) => Promise<Card>;
};

export interface MessageCommand {
  /** A name for logs and help, e.g. "my actions". */
  name: string;
  matches(text: string): boolean;
  handle(turn: MessageTurn): Promise<void>;
}

/** What a feature plugs into the bot's one router. */
export interface Feature {
  name: string;
  commands?: MessageCommand[];
  /** The verbs this feature answers; each verb is answered by exactly one feature. */
  cardActions?: CardActionHandlers;
  /**
   * Buttons answered when the store can't be read, so not even the presser can be identified:
   * from what the card sent alone, revealing and saving nothing (e.g. a form shown again with the
   * person's words in it and "press Submit again").
   */
  whileStoreDown?: StoreDownHandlers;
  /** Called for a message no command matched (the question feature answers these). */
  fallback?: (turn: MessageTurn) => Promise<boolean>;
}
