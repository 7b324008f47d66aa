import { systemClock } from "../clock.ts";
import { loadConfig } from "../config.ts";
import { createLogger } from "../logger.ts";
import { openStore } from "../store/open-store.ts";
import type { Store } from "../store/store.ts";

/** Runs a CLI command against the configured store (the running server's, when `serve` is up). */
export async function withStore<T>(
  env: Record<string, string | undefined>,
  work: (store: Store) => Promise<T>,
): Promise<T> {
  const config = loadConfig(env);
  // The CLI prints its own results; the store's progress lines are only wanted when debugging.
  const logger = createLogger(config.LOG_LEVEL === "debug" ? "debug" : "warn");
  const store = await openStore({ config, clock: systemClock, logger, role: "cli" });
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}
