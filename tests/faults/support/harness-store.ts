import { Agent } from "node:https";
import { type Container, CosmosClient } from "@azure/cosmos";
import { CONTAINERS, type ContainerName } from "../../../src/store/containers.ts";
import { EMBEDDED_COSMOS_KEY } from "../../../src/store/embedded/index.ts";
import { OutboxRepo } from "../../../src/store/outbox-repo.ts";
import { HARNESS_AGENT } from "./store-requests.ts";

/**
 * The harness's own view of a running server's store, for setting up and looking: its requests
 * carry `HARNESS_AGENT`, so the server's round trips are counted without them.
 */
export interface HarnessStore {
  containers: Record<ContainerName, Container>;
  outbox: OutboxRepo;
  close(): void;
}

export async function connectHarness(
  endpoint: string,
  databaseId = "plan-tracker",
): Promise<HarnessStore> {
  const client = new CosmosClient({
    endpoint,
    key: EMBEDDED_COSMOS_KEY,
    userAgentSuffix: HARNESS_AGENT,
    agent: new Agent({ rejectUnauthorized: false, keepAlive: true }),
    connectionPolicy: { enableEndpointDiscovery: false },
  });
  const database = client.database(databaseId);
  const containers = Object.fromEntries(
    Object.keys(CONTAINERS).map((name) => [name, database.container(name)]),
  ) as Record<ContainerName, Container>;
  return { containers, outbox: new OutboxRepo(containers.outbox), close: () => client.dispose() };
}
