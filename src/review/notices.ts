import { buildNoticeCard } from "../cards/notice-card.ts";
import type { Card } from "../messaging.ts";

/** A problem the review answers itself, as a card (domain errors become cards only at the bot's router). */
export function problemCard(title: string, message: string): Card {
  return buildNoticeCard({ title, tone: "attention", lines: [message] });
}

export const missingActionCard = (ref: string): Card =>
  problemCard(
    `${ref} is not in the plan`,
    `I couldn't find ${ref} in the plan any more; it may have been renamed or removed. Type \u201cmy actions\u201d for your current forms.`,
  );
