/** A request to the Bot Connector that did not succeed. `status` 0: no answer at all. */
export class ConnectorError extends Error {
  constructor(
    readonly status: number,
    message: string,
    /** From a 429's Retry-After header, in milliseconds. */
    readonly retryAfterMs: number | null = null,
    /** The Bot Framework error code from the body, e.g. "ConversationBlockedByUser". */
    readonly code: string | null = null,
  ) {
    super(message);
    this.name = "ConnectorError";
  }
}

/** The longest Retry-After honoured; a larger value is treated as this, then retried. */
const MAX_RETRY_AFTER_MS = 5 * 60_000;

/** Retry-After is either delta-seconds or an HTTP date. */
export function parseRetryAfter(header: string | null, nowMs = Date.now()): number | null {
  if (!header) return null;
  const trimmed = header.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) {
    return Math.min(MAX_RETRY_AFTER_MS, Math.round(Number(trimmed) * 1000));
  }
  const at = Date.parse(trimmed);
  if (Number.isNaN(at)) return null;
  return Math.min(MAX_RETRY_AFTER_MS, Math.max(0, at - nowMs));
}
