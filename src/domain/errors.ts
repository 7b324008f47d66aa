/** What kind of failure a DomainError is. */
export const DOMAIN_ERROR_CODES = [
  "invalid_input",
  "not_found",
  "forbidden",
  "not_in_directory",
  "conflict",
  "already_decided",
  "store_unavailable",
  "config",
] as const;
/**
 * Each code becomes a card only at the bot's router (`bot-cards.ts`), an HTTP status only in the
 * API's error handler (`api-error.ts`) and an exit code only in the CLI (`cli-error.ts`); each of
 * those tables covers every code, so a new one cannot be forgotten.
 */
export type DomainErrorCode = (typeof DOMAIN_ERROR_CODES)[number];

/**
 * A failure a person can fix. `message` is written for the person (what went wrong and what to do);
 * `code` lets the bot, CLI and API map it to a card, an exit code or an HTTP status.
 */
export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = "DomainError";
  }
}

export const isDomainError = (error: unknown): error is DomainError => error instanceof DomainError;
