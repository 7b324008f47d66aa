import { afterEach, describe, expect, it } from "vitest";
import { type EmbeddedCosmos, startEmbeddedCosmos } from "../../../src/store/embedded/index.ts";
import { createContainers } from "../../../src/store/prepare-containers.ts";
import { embeddedClient } from "./cosmos-client.ts";
import { removeDir, tempDataDir } from "./store-files.ts";

/**
 * Several instances starting at the same moment on an empty store each create the database and
 * containers: the ones that lose the race are told 409 and must carry on with what the winner made.
 */
let running: EmbeddedCosmos | undefined;
let dir: string | undefined;

afterEach(async () => {
  await running?.stop();
  if (dir) await removeDir(dir);
  running = undefined;
  dir = undefined;
});

describe("preparing the containers", () => {
  it("lets six instances prepare an empty store at once", async () => {
    dir = await tempDataDir();
    running = await startEmbeddedCosmos({ dataDir: dir, port: 0 });
    const store = running;
    const clients = Array.from({ length: 6 }, () => embeddedClient(store.endpoint, store.key));
    const prepared = await Promise.all(
      clients.map((client) => createContainers(client, "plan-tracker")),
    );
    const [first] = prepared;
    if (!first) throw new Error("nothing was prepared");
    const ids = await first.database.containers.readAll().fetchAll();
    expect(ids.resources.map((c) => c.id).sort()).toEqual(Object.keys(first.containers).sort());
    for (const client of clients) client.dispose();
  });
});
