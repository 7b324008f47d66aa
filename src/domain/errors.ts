/**
 * A failure a person can fix. `message` is written for the person (what went wrong and what to do);
 * `code` lets the bot, CLI and API map it to a card, an exit code or an HTTP status.
 */
export type DomainErrorCode =
  | "invalid_input"
  | "not_found"
  | "forbidden"
  | "not_in_directory"
  | "conflict"
  | "already_decided"
  | "store_unavailable"
  | "config";

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
