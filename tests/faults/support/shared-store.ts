import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Clock } from "../../../src/clock.ts";
import { silentLogger } from "../../../src/logger.ts";
import { type EmbeddedCosmos, startEmbeddedCosmos } from "../../../src/store/embedded/index.ts";
import { connectStore, type Store } from "../../../src/store/store.ts";
import { StoreRequests } from "./store-requests.ts";

/**
 * The embedded store started on its own, for apps that connect to it as to any Cosmos account
 * (`COSMOS_ENDPOINT`/`COSMOS_KEY`, as extra instances do): a test can then count the requests it
 * answers and stop it (`suspend`) while the apps keep running.
 */
export interface SharedStore {
  cosmos: EmbeddedCosmos;
  requests: StoreRequests;
  dataDir: string;
  /** What an app needs in its environment to use this store. */
  env: Record<string, string>;
  /** A store client of its own on this account, for a test to read and write beside the apps. */
  connect(clock: Clock): Promise<Store>;
  close(): Promise<void>;
}

export async function startSharedStore(o: { dataDir?: string } = {}): Promise<SharedStore> {
  const dataDir = o.dataDir ?? (await mkdtemp(join(tmpdir(), "plan-tracker-shared-")));
  const requests = new StoreRequests();
  const cosmos = await startEmbeddedCosmos({ dataDir, port: 0, onRequest: requests.record });
  return {
    cosmos,
    requests,
    dataDir,
    env: { COSMOS_ENDPOINT: cosmos.endpoint, COSMOS_KEY: cosmos.key },
    connect: (clock) =>
      connectStore({
        target: { endpoint: cosmos.endpoint, key: cosmos.key, selfSigned: true },
        databaseId: "plan-tracker",
        clock,
        logger: silentLogger,
      }),
    async close() {
      await cosmos.stop();
      if (!o.dataDir) await rm(dataDir, { recursive: true, force: true });
    },
  };
}
