import type { TokenCredential } from "@azure/identity";
import type { Config } from "../config.ts";
import { DomainError } from "../domain/errors.ts";
import { cosmosStatus } from "./store-errors.ts";

/** How the product proves who it is to Cosmos DB. */
export type StoreSignIn =
  | { kind: "key"; key: string }
  /** An Entra token: the managed identity's (clientId unset: the system-assigned one). */
  | { kind: "entra"; clientId: string | undefined };

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
  return { kind: "entra", clientId: config.COSMOS_CLIENT_ID ?? botIdentity };
}

interface WatchedCredential {
  credential: TokenCredential;
  /** The last sign-in failure, if the last attempt failed; the SDK reports it in its own words. */
  failure(): unknown;
}

/**
 * The server signs in with ManagedIdentityCredential, not DefaultAzureCredential: on a server the
 * identity is the only credential that should ever be used, and a chain that falls through to
 * environment secrets or someone's CLI login could connect as someone else, or bury the real cause
 * in a list of attempts. A command is run by a person, so it signs in as them (az login, azd,
 * PowerShell) or, inside the web app's console, as the identity: DefaultAzureCredential, whose
 * chain is exactly that; the store's logs then name who changed what.
 *
 * The library is loaded here, not at start-up: it is several hundred modules that a server on a key
 * or on the embedded store never uses.
 */
export async function storeCredential(
  role: "server" | "cli",
  clientId: string | undefined,
): Promise<WatchedCredential> {
  const { DefaultAzureCredential, ManagedIdentityCredential } = await import("@azure/identity");
  const inner =
    role === "server"
      ? new ManagedIdentityCredential(clientId ? { clientId } : {})
      : new DefaultAzureCredential(clientId ? { managedIdentityClientId: clientId } : {});
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

const SERVER_FIX =
  "On Azure App Service, assign the user-assigned identity to the web app and set COSMOS_CLIENT_ID to its client id " +
  "(infra/azure.json does both; see docs/deploy.md); for the emulator or an account that allows keys, set COSMOS_KEY instead.";
const CLI_FIX =
  "Sign in with `az login` as someone granted Cosmos DB's data contributor role on the account (docs/deploy.md shows how), " +
  "or for the emulator set COSMOS_KEY.";

/** The one line `serve` or a command prints when the store would not let it in. */
export function signInProblem(
  error: unknown,
  signInFailure: unknown,
  endpoint: string,
  signedInAs: { role: "server" | "cli"; clientId: string | undefined },
): DomainError | undefined {
  const who =
    signedInAs.role === "cli"
      ? "you"
      : signedInAs.clientId
        ? `the managed identity ${signedInAs.clientId}`
        : "the web app's managed identity";
  if (signInFailure !== undefined) {
    return new DomainError(
      "config",
      `Couldn't sign in to Cosmos DB at ${endpoint} as ${who} (${firstLine(signInFailure)}). ${signedInAs.role === "cli" ? CLI_FIX : SERVER_FIX}`,
    );
  }
  if (cosmosStatus(error) === 403) {
    return new DomainError(
      "config",
      `Cosmos DB at ${endpoint} refused ${who}: grant ${signedInAs.role === "cli" ? "your account" : "it"} the Cosmos DB Built-in Data Contributor role on the account ` +
        "(infra/azure.json does for the web app; docs/deploy.md shows how for a person; a new grant can take a few minutes to apply), then try again.",
    );
  }
  return undefined;
}

function firstLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return (text.split("\n")[0] ?? "").trim().slice(0, 300) || "no reason given";
}
