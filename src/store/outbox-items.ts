import type { Card, OutboundMessage } from "../messaging.ts";
import { type OutboxClaim, type OutboxItem, outboxId } from "./outbox-repo.ts";

/**
 * A message as it first enters the outbox: pending and not yet tried. `claim` is given when the
 * queueing process's own sender will send it (it then needs no separate write to claim it);
 * without one, any instance's sender may take it.
 */
export function newOutboxItem(
  message: OutboundMessage,
  now: Date,
  claim: OutboxClaim | null = null,
): OutboxItem {
  return {
    id: outboxId(message.key),
    key: message.key,
    to: message.to,
    card: message.card,
    summary: message.summary,
    state: "pending",
    queuedAt: now.toISOString(),
    attempts: 0,
    throttles: 0,
    failingSince: null,
    notBefore: 0,
    claim,
    cardVersion: 0,
    delivery: null,
    pendingCard: null,
    failure: null,
    failureNoticedAt: null,
    updateFailure: null,
  };
}

/**
 * The item with a new card: not sent yet, the new card simply goes instead of the old one; sent,
 * the sender replaces the card in Teams; refused for good, there is nothing to change (null).
 */
export function withReplacementCard(item: OutboxItem, card: Card): OutboxItem | null {
  const cardVersion = item.cardVersion + 1;
  if (item.state === "pending") return { ...item, card, cardVersion };
  if (item.state === "sent") {
    // A new piece of work, with its own attempts and deadline; any claim on the item stands.
    const fresh = { attempts: 0, throttles: 0, failingSince: null, notBefore: 0 };
    return { ...item, card, cardVersion, pendingCard: card, ...fresh };
  }
  return null;
}

/** No claim, no attempts, no backoff: the state after a piece of work is finished. */
export const released = () => ({
  claim: null,
  attempts: 0,
  throttles: 0,
  failingSince: null,
  notBefore: 0,
});

/**
 * Once Teams shows a card, the outbox no longer keeps it (the summary line stays as the record of
 * what was sent): a review round queues thousands of forms, and the embedded store holds every
 * document in memory. A card waiting to be put over the delivered one is kept until it is put.
 */
const SHOWN: OutboxItem["card"] = {};

/** The item once Teams has accepted its first delivery. */
export function markedSent(
  doc: OutboxItem,
  delivery: NonNullable<OutboxItem["delivery"]>,
): OutboxItem {
  const newer = doc.cardVersion > delivery.cardVersion;
  return {
    ...doc,
    ...released(),
    state: "sent",
    delivery,
    failure: null,
    card: newer ? doc.card : SHOWN,
    pendingCard: newer ? doc.card : null,
  };
}

/** The item once Teams shows card `version` in place of the delivered one. */
export function markedCardPut(doc: OutboxItem, version: number): OutboxItem {
  // A newer card requested while this one was on its way still needs putting.
  const newer = doc.cardVersion > version;
  return {
    ...doc,
    ...released(),
    delivery: doc.delivery && { ...doc.delivery, cardVersion: version },
    card: newer ? doc.card : SHOWN,
    pendingCard: newer ? doc.pendingCard : null,
    updateFailure: null,
  };
}
