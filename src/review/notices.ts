import { buildNoticeCard } from "../cards/notice-card.ts";
import { isDomainError } from "../domain/errors.ts";
import type { Card } from "../messaging.ts";

/** A refusal or problem as a card: the DomainError's own words name the fix. */
export function problemCard(title: string, message: string): Card {
  return buildNoticeCard({ title, tone: "attention", lines: [message] });
}

/** Turns a DomainError into a friendly card; anything else is a bug and is rethrown. */
export function noticeForError(error: unknown): Card {
  if (!isDomainError(error)) throw error;
  const titles: Record<string, string> = {
    forbidden: "That isn't something you can do",
    not_found: "I couldn't find that",
    invalid_input: "Please check that",
    store_unavailable: "Couldn't reach the plan store",
    conflict: "Someone else changed this just now",
  };
  return problemCard(titles[error.code] ?? "Something needs fixing", error.message);
}

export const missingActionCard = (ref: string): Card =>
  problemCard(
    `${ref} is not in the plan`,
    `I couldn't find ${ref} in the plan any more; it may have been renamed or removed. Type \u201cmy actions\u201d for your current forms.`,
  );
