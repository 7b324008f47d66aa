import { MONTH_NAMES } from "../domain/iso-date.ts";

/**
 * Decisions and submissions are stored as instants; people read them as local council time.
 * The zone is a parameter (REVIEW_TIMEZONE), so a card is the same wherever the bot runs.
 */
export const DEFAULT_CARD_TIME_ZONE = "Europe/London";

function localParts(instant: string, timeZone: string): Record<string, number> {
  const parts = new Intl.DateTimeFormat("en-GB", {
    timeZone,
    year: "numeric",
    month: "numeric",
    day: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).formatToParts(new Date(instant));
  return Object.fromEntries(parts.map((part) => [part.type, Number(part.value)]));
}

/** "3 December 2026". A stored value that is not an instant is shown as it is, not thrown. */
export function formatInstantDate(instant: string, timeZone = DEFAULT_CARD_TIME_ZONE): string {
  if (Number.isNaN(Date.parse(instant))) return instant;
  const p = localParts(instant, timeZone);
  return `${p.day} ${MONTH_NAMES[(p.month ?? 1) - 1]} ${p.year}`;
}

/** "3 December 2026 at 10:42". */
export function formatDateTime(instant: string, timeZone = DEFAULT_CARD_TIME_ZONE): string {
  if (Number.isNaN(Date.parse(instant))) return instant;
  const p = localParts(instant, timeZone);
  const time = `${String(p.hour).padStart(2, "0")}:${String(p.minute).padStart(2, "0")}`;
  return `${formatInstantDate(instant, timeZone)} at ${time}`;
}
