import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Clock } from "../../src/clock.ts";
import { loadConfig } from "../../src/config.ts";
import { silentLogger } from "../../src/logger.ts";
import { openStore } from "../../src/store/open-store.ts";
import type { Store } from "../../src/store/store.ts";

/** A real embedded store in a temp folder, for use cases tested below the HTTP layer. */
export async function openTempStore(
  clock: Clock,
  prefix = "plan-tracker-",
): Promise<{ store: Store; close(): Promise<void> }> {
  const dataDir = await mkdtemp(join(tmpdir(), prefix));
  const config = loadConfig({ DATA_DIR: dataDir, EMBEDDED_COSMOS_PORT: "0", LOG_LEVEL: "silent" });
  const store = await openStore({ config, clock, logger: silentLogger, role: "server" });
  return {
    store,
    async close() {
      await store.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
