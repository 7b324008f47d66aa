import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Clock } from "../../../src/clock.ts";
import { loadConfig } from "../../../src/config.ts";
import { silentLogger } from "../../../src/logger.ts";
import { openStore } from "../../../src/store/open-store.ts";
import type { Store } from "../../../src/store/store.ts";

/** A real embedded store in a temp folder. */
export async function openDemoStore(
  clock: Clock,
): Promise<{ store: Store; close(): Promise<void> }> {
  const dataDir = await mkdtemp(join(tmpdir(), "plan-tracker-demo-"));
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

/** 23 November 2026, 10:00 in London: a Monday in 2026-Q3, before that review's reminders start. */
export const DEMO_NOW = new Date("2026-11-23T10:00:00Z");
export const fixedClock = (at: Date = DEMO_NOW): Clock => ({ now: () => new Date(at) });
