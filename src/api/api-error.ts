import type { ServerResponse } from "node:http";
import { type DomainErrorCode, isDomainError } from "../domain/errors.ts";
import { sendJson } from "../http/send-json.ts";

/** A refusal the tab shows as it is: `message` says what happened and what to do. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

/** The one place a domain error becomes an HTTP status; a new code must be added here. */
const STATUS_OF_DOMAIN_CODE = {
  invalid_input: 400,
  not_found: 404,
  forbidden: 403,
  not_in_directory: 403,
  conflict: 409,
  already_decided: 409,
  store_unavailable: 503,
  config: 503,
} satisfies Record<DomainErrorCode, number>;

/** Sends an ApiError or DomainError as `{ error, message }`; anything else is rethrown for the server's 500. */
export function sendApiError(res: ServerResponse, error: unknown): void {
  if (error instanceof ApiError) {
    sendJson(res, error.status, { error: error.code, message: error.message });
    return;
  }
  if (isDomainError(error)) {
    sendJson(res, STATUS_OF_DOMAIN_CODE[error.code], {
      error: error.code,
      message: error.message,
    });
    return;
  }
  throw error;
}
