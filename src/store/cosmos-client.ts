import https from "node:https";
import { CosmosClient } from "@azure/cosmos";
import type { TokenCredential } from "@azure/identity";

/** Where the store is and how the product proves who it is: an account key or an Entra credential. */
export type CosmosTarget = {
  endpoint: string;
  /** The embedded server and the emulator use self-signed certificates. */
  selfSigned: boolean;
} & (
  | { key: string; credential?: undefined }
  /** Azure with local auth disabled: a token from the managed identity, never a key. */
  | { credential: TokenCredential; key?: undefined }
);

/**
 * One client for every kind of store (real account, emulator, embedded server): the product has no
 * second code path for "local". Requests time out quickly so a person waiting on a card hears
 * "couldn't save, please press again" in seconds rather than after the SDK's default minute.
 */
export function createCosmosClient(target: CosmosTarget): CosmosClient {
  return new CosmosClient({
    endpoint: target.endpoint,
    ...(target.credential ? { aadCredentials: target.credential } : { key: target.key }),
    agent: target.selfSigned
      ? new https.Agent({ rejectUnauthorized: false, keepAlive: true, maxSockets: 64 })
      : undefined,
    connectionPolicy: {
      enableEndpointDiscovery: !target.selfSigned,
      requestTimeout: 8_000,
      retryOptions: {
        maxRetryAttemptCount: 5,
        fixedRetryIntervalInMilliseconds: 0,
        maxWaitTimeInSeconds: 10,
      },
    },
  });
}
