import type { Card } from "../messaging.ts";
import type { OutgoingActivity } from "./bot-connector.ts";

export const ADAPTIVE_CARD_CONTENT_TYPE = "application/vnd.microsoft.card.adaptive";

/** A message carrying one Adaptive Card; `summary` is what Teams shows in notifications. */
export function cardActivity(card: Card, summary: string): OutgoingActivity {
  return {
    type: "message",
    summary,
    attachments: [{ contentType: ADAPTIVE_CARD_CONTENT_TYPE, content: card }],
  };
}
