import type { Card, OutboundMessage } from "../messaging.ts";
import { type OutboxItem, outboxId } from "./outbox-repo.ts";

/** A message as it first enters the outbox: pending, not yet claimed or tried. */
export function newOutboxItem(message: OutboundMessage, now: Date): OutboxItem {
  return {
    id: outboxId(message.key),
    key: message.key,
    to: message.to,
    card: message.card,
    summary: message.summary,
    state: "pending",
    queuedAt: now.toISOString(),
    attempts: 0,
    notBefore: 0,
    claim: null,
    cardVersion: 0,
    delivery: null,
    pendingCard: null,
    failure: null,
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
    return { ...item, card, cardVersion, pendingCard: card, attempts: 0, notBefore: 0 };
  }
  return null;
}
