import { DomainError } from "../domain/errors.ts";

/** The HTTP status the Cosmos SDK puts on its errors, when there is one. */
export function cosmosStatus(error: unknown): number | undefined {
  if (typeof error === "object" && error !== null && "code" in error) {
    const code = (error as { code: unknown }).code;
    if (typeof code === "number") return code;
  }
  return undefined;
}

const UNREACHABLE = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "ENOTFOUND"]);

/** True when the store did not answer at all (as opposed to answering "no"). */
export function isStoreUnreachable(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  const { code, name, cause } = error as { code?: unknown; name?: unknown; cause?: unknown };
  if (typeof code === "string" && UNREACHABLE.has(code)) return true;
  if (name === "TimeoutError" || code === "TimeoutError" || cosmosStatus(error) === 408)
    return true;
  if (cosmosStatus(error) === 503) return true;
  return cause !== undefined && cause !== error ? isStoreUnreachable(cause) : false;
}

/**
 * True when the store answered 429 (out of request units) after the SDK had already retried it
 * as its retry policy allows: the store is there but too busy for now.
 */
export function isStoreBusy(error: unknown): boolean {
  if (cosmosStatus(error) === 429) return true;
  const cause = (error as { cause?: unknown } | null)?.cause;
  return cause !== undefined && cause !== error ? isStoreBusy(cause) : false;
}

/** Turns store failures that a person can act on into DomainErrors; anything else is rethrown as is. */
export function translateStoreError(error: unknown, what: string): never {
  if (isStoreBusy(error)) {
    throw new DomainError(
      "store_unavailable",
      `The plan store was too busy to answer while ${what}. Nothing was changed; please try again in a minute (if it keeps happening, ask your administrator to raise the store's throughput).`,
    );
  }
  if (isStoreUnreachable(error)) {
    throw new DomainError(
      "store_unavailable",
      `Couldn't reach the plan store while ${what}. Nothing was changed; please try again in a minute.`,
    );
  }
  throw error;
}
