import type { Clock } from "./clock.ts";
import type { Config } from "./config.ts";
import type { Logger } from "./logger.ts";
import type { Messenger } from "./messaging.ts";
import type { Store } from "./store/store.ts";

/** What every use case is given: the world, injected. */
export interface FeatureDeps {
  config: Config;
  store: Store;
  messenger: Messenger;
  clock: Clock;
  logger: Logger;
}
