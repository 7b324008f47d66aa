import { systemClock } from "../../../src/clock.ts";
import { loadConfig } from "../../../src/config.ts";
import { silentLogger } from "../../../src/logger.ts";
import { openStore } from "../../../src/store/open-store.ts";
import type { Store } from "../../../src/store/store.ts";

/** Opens the embedded store in `dir` (no CLI may run meanwhile), does `work`, and closes it. */
export async function withStoreAt<T>(dir: string, work: (store: Store) => Promise<T>): Promise<T> {
  const config = loadConfig({ DATA_DIR: dir, EMBEDDED_COSMOS_PORT: "0", LOG_LEVEL: "silent" });
  const store = await openStore({
    config,
    clock: systemClock,
    logger: silentLogger,
    role: "server",
  });
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}
