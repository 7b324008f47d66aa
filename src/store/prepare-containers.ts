import type { Container, CosmosClient, Database } from "@azure/cosmos";
import { DomainError } from "../domain/errors.ts";
import { CONTAINERS, type ContainerName, INDEXING_POLICY } from "./containers.ts";
import { cosmosStatus } from "./store-errors.ts";

export interface PreparedContainers {
  database: Database;
  containers: Record<ContainerName, Container>;
}

const entries = () => Object.entries(CONTAINERS) as [ContainerName, string][];

/** With a key (embedded store, emulator): the database and containers are created when missing. */
export async function createContainers(
  client: CosmosClient,
  databaseId: string,
): Promise<PreparedContainers> {
  const { database } = await againOnConflict(() =>
    client.databases.createIfNotExists({ id: databaseId }),
  );
  const containers = {} as Record<ContainerName, Container>;
  for (const [name, path] of entries()) {
    const { container } = await againOnConflict(() =>
      database.containers.createIfNotExists({
        id: name,
        partitionKey: { paths: [path] },
        indexingPolicy: structuredClone(INDEXING_POLICY),
      }),
    );
    containers[name] = container;
  }
  return { database, containers };
}

/**
 * createIfNotExists reads, then creates on a 404: two instances starting together on an empty store
 * can both miss the read, and the later create gets 409. The other one made it, so read it again.
 */
async function againOnConflict<T>(create: () => Promise<T>): Promise<T> {
  try {
    return await create();
  } catch (error) {
    if (cosmosStatus(error) !== 409) throw error;
    return await create();
  }
}

/**
 * With the managed identity: Cosmos DB's data roles may read and write items but never create a
 * database or a container, so the deployment template creates them and here we only check that
 * each is there with the partition key the code relies on.
 */
export async function findContainers(
  client: CosmosClient,
  databaseId: string,
): Promise<PreparedContainers> {
  const database = client.database(databaseId);
  await readOrExplain(() => database.read(), `database "${databaseId}"`);
  const containers = {} as Record<ContainerName, Container>;
  for (const [name, path] of entries()) {
    const container = database.container(name);
    const { resource } = await readOrExplain(
      () => container.read(),
      `container "${name}" in database "${databaseId}"`,
    );
    const paths = resource?.partitionKey?.paths ?? [];
    if (paths.length !== 1 || paths[0] !== path) {
      throw new DomainError(
        "config",
        `The container "${name}" is partitioned by ${paths.join(", ") || "nothing"}, but Plan Tracker needs ${path}: ` +
          "recreate it from infra/azure.json (see docs/deploy.md).",
      );
    }
    containers[name] = container;
  }
  return { database, containers };
}

async function readOrExplain<T>(read: () => Promise<T>, what: string): Promise<T> {
  try {
    return await read();
  } catch (error) {
    if (cosmosStatus(error) !== 404) throw error;
    throw new DomainError(
      "config",
      `The Cosmos DB account has no ${what}. With a managed identity Plan Tracker cannot create it: ` +
        "deploy infra/azure.json, which creates the database and its containers (see docs/deploy.md).",
    );
  }
}
