import { loadConfig } from "../../../src/config.ts";
import { loadDemoIfEmpty } from "../../../src/demo/load-demo.ts";
import type { Update } from "../../../src/domain/update.ts";
import { silentLogger } from "../../../src/logger.ts";
import { openStore } from "../../../src/store/open-store.ts";
import type { Store } from "../../../src/store/store.ts";

/** What a lead might type: markup and symbols that must reach the paper exactly as typed. */
export const TYPED_MARKUP = "Audit <b>done</b> & **7 of 10** files _clear_ <script>x</script>";

const ADMIN = { id: "test", name: "Report test" };

/**
 * The demo's last quarter (approved updates, three of them Red, one returned, one awaiting DMT),
 * written to the store in `dataDir`, plus CSC-01's approved update carrying markup and a revised
 * date DMT approved. Returns the quarter.
 */
export async function seedReportStore(dataDir: string): Promise<string> {
  const config = loadConfig({ DATA_DIR: dataDir, EMBEDDED_COSMOS_PORT: "0", LOG_LEVEL: "silent" });
  const clock = { now: () => new Date() };
  const store: Store = await openStore({ config, clock, logger: silentLogger, role: "server" });
  try {
    const loaded = await loadDemoIfEmpty(store, clock, silentLogger);
    if (!loaded) throw new Error("the demo did not load into an empty store");
    const quarter = loaded.historyQuarter;
    const found = await store.updates.get(quarter, "CSC-01", "default");
    if (!found) throw new Error("CSC-01 has no update in the demo");
    const changed: Update = {
      ...found.doc,
      progress: TYPED_MARKUP,
      revisedDate: "2099-03-31",
      revisedDateReason: "Waiting for the new case management system",
    };
    await store.updates.replace(changed, found.etag, ADMIN, found.doc);
    return quarter;
  } finally {
    await store.close();
  }
}
