/** A real @azure/cosmos client for the embedded store, set up the way the product connects. */
import { Agent } from "node:https";
import { type Container, CosmosClient, PartitionKeyKind } from "@azure/cosmos";

export function embeddedClient(endpoint: string, key: string): CosmosClient {
  return new CosmosClient({
    endpoint,
    key,
    agent: new Agent({ rejectUnauthorized: false, keepAlive: true }),
    connectionPolicy: { enableEndpointDiscovery: false },
  });
}

/** The `plan-tracker` database with an `actions` container partitioned by plan. */
export async function actionsContainer(client: CosmosClient): Promise<Container> {
  const { database } = await client.databases.createIfNotExists({ id: "plan-tracker" });
  const { container } = await database.containers.createIfNotExists({
    id: "actions",
    partitionKey: { paths: ["/planId"], kind: PartitionKeyKind.Hash },
    indexingPolicy: {
      compositeIndexes: [
        [
          { path: "/planId", order: "ascending" },
          { path: "/ref", order: "ascending" },
        ],
      ],
    },
  });
  return container;
}

export interface ActionDoc {
  id: string;
  planId: string;
  ref: string;
  rag: string;
  lead: string;
  _etag?: string;
  _ts?: number;
}

export const action = (n: number, rag = "Amber"): ActionDoc => ({
  id: `CSC-${String(n).padStart(2, "0")}`,
  planId: "csc-2026",
  ref: `CSC-${String(n).padStart(2, "0")}`,
  rag,
  lead: "HoS / Service Manager",
});
