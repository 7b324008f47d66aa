import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EmbeddedCosmos } from "../../../src/store/embedded/index.ts";
import { startEmbeddedCosmos } from "../../../src/store/embedded/index.ts";
import { geometryLibraryLoaded } from "../../../src/store/embedded/lazy-geometry.ts";
import { action, actionsContainer, embeddedClient } from "./cosmos-client.ts";
import { removeDir, tempDataDir } from "./store-files.ts";

/**
 * The geometry library behind the spatial SQL functions loads on the first spatial query, not with
 * the store: start-up and memory are spent only on what the product uses, and a spatial query still
 * answers as Azure Cosmos DB would.
 */
let dataDir: string;
let store: EmbeddedCosmos;

beforeAll(async () => {
  dataDir = await tempDataDir();
  store = await startEmbeddedCosmos({ dataDir, port: 0 });
});

afterAll(async () => {
  await store.stop();
  await removeDir(dataDir);
});

describe("the embedded store's spatial functions", () => {
  it("start, write and query without loading the geometry library, then load it for a spatial query", async () => {
    const client = embeddedClient(store.endpoint, store.key);
    const container = await actionsContainer(client);
    await container.items.create(action(7));
    const { resources: plain } = await container.items
      .query("SELECT VALUE c.ref FROM c WHERE c.planId = 'csc-2026'")
      .fetchAll();
    expect(plain).toEqual(["CSC-07"]);
    expect(geometryLibraryLoaded()).toBe(false);

    // County Hall, Oakham to Leicester's clock tower: about 30 km as the crow flies.
    const { resources } = await container.items
      .query(
        "SELECT VALUE ST_DISTANCE({'type': 'Point', 'coordinates': [-0.7260, 52.6700]}, " +
          "{'type': 'Point', 'coordinates': [-1.1330, 52.6369]}) FROM c",
      )
      .fetchAll();
    expect(geometryLibraryLoaded()).toBe(true);
    const [metres] = resources as number[];
    expect(metres).toBeGreaterThan(27_000);
    expect(metres).toBeLessThan(29_000);

    const { resources: within } = await container.items
      .query(
        "SELECT VALUE ST_WITHIN({'type': 'Point', 'coordinates': [0.5, 0.5]}, " +
          "{'type': 'Polygon', 'coordinates': [[[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]]}) FROM c",
      )
      .fetchAll();
    expect(within).toEqual([true]);
    client.dispose();
  });
});
