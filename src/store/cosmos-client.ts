import https from "node:https";
import { CosmosClient } from "@azure/cosmos";

export interface CosmosTarget {
  endpoint: string;
  key: string;
  /** The embedded server and the emulator use self-signed certificates. */
  selfSigned: boolean;
}

/**
 * One client for every kind of store (real account, emulator, embedded server): the product has no
 * second code path for "local". Requests time out quickly so a person waiting on a card hears
 * "couldn't save, please press again" in seconds rather than after the SDK's default minute.
 */
export function createCosmosClient(target: CosmosTarget): CosmosClient {
  return new CosmosClient({
    endpoint: target.endpoint,
    key: target.key,
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
