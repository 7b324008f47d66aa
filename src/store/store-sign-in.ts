import { ManagedIdentityCredential, type TokenCredential } from "@azure/identity";
import type { Config } from "../config.ts";
import { DomainError } from "../domain/errors.ts";
import { cosmosStatus } from "./store-errors.ts";

/** How the product proves who it is to Cosmos DB. */
export type StoreSignIn =
  | { kind: "key"; key: string }
  /** clientId unset: the system-assigned identity. */
  | { kind: "managed-identity"; clientId: string | undefined };

/**
 * A key when one is set (the emulator, or an account that still allows keys); otherwise the managed
 * identity. Its client id is COSMOS_CLIENT_ID, or the bot's own when the bot runs as a user-assigned
 * managed identity: one identity for Teams and the store, so there is one thing to grant and revoke.
 */
export function storeSignIn(
  config: Pick<Config, "COSMOS_KEY" | "COSMOS_CLIENT_ID" | "MicrosoftAppId" | "MicrosoftAppType">,
): StoreSignIn {
  if (config.COSMOS_KEY) return { kind: "key", key: config.COSMOS_KEY };
  const botIdentity =
    config.MicrosoftAppType === "UserAssignedMSI" ? config.MicrosoftAppId : undefined;
  return { kind: "managed-identity", clientId: config.COSMOS_CLIENT_ID ?? botIdentity };
}

export interface WatchedCredential {
  credential: TokenCredential;
  /** The last sign-in failure, if the last attempt failed; the SDK reports it in its own words. */
  failure(): unknown;
}

/**
 * ManagedIdentityCredential rather than DefaultAzureCredential: on a server the identity is the only
 * credential that should ever be used, and a chain that falls through to environment secrets or a
 * developer's CLI login could connect as someone else, or bury the real cause in a list of attempts.
 */
export function managedIdentityCredential(clientId: string | undefined): WatchedCredential {
  const inner = new ManagedIdentityCredential(clientId ? { clientId } : {});
  let lastFailure: unknown;
  return {
    credential: {
      async getToken(scopes, options) {
        try {
          const token = await inner.getToken(scopes, options);
          lastFailure = undefined;
          return token;
        } catch (error) {
          lastFailure = error;
          throw error;
        }
      },
    },
    failure: () => lastFailure,
  };
}

const FIX =
  "On Azure App Service, assign the user-assigned identity to the web app and set COSMOS_CLIENT_ID to its client id " +
  "(infra/azure.json does both; see docs/deploy.md); for the emulator or an account that allows keys, set COSMOS_KEY instead.";

/** The one line `serve` prints when the store would not let the managed identity in. */
export function signInProblem(
  error: unknown,
  signInFailure: unknown,
  endpoint: string,
  clientId: string | undefined,
): DomainError | undefined {
  const who = clientId ? `the managed identity ${clientId}` : "the web app's managed identity";
  if (signInFailure !== undefined) {
    return new DomainError(
      "config",
      `Couldn't sign in to Cosmos DB at ${endpoint} as ${who} (${firstLine(signInFailure)}). ${FIX}`,
    );
  }
  if (cosmosStatus(error) === 403) {
    return new DomainError(
      "config",
      `Cosmos DB at ${endpoint} refused ${who}: grant it the Cosmos DB Built-in Data Contributor role on the account ` +
        "(infra/azure.json does; a new grant can take a few minutes to apply), then start again.",
    );
  }
  return undefined;
}

function firstLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return (text.split("\n")[0] ?? "").trim().slice(0, 300) || "no reason given";
}
