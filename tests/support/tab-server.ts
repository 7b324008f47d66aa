import { registerTabRoutes } from "../../src/api/routes.ts";
import { systemClock } from "../../src/clock.ts";
import type { Config } from "../../src/config.ts";
import { silentLogger } from "../../src/logger.ts";
import type { Messenger } from "../../src/messaging.ts";
import { type RunningHttpServer, startHttpServer } from "../../src/server.ts";
import type { Store } from "../../src/store/store.ts";

/** The tab's API never sends chat messages; any attempt would be a bug. */
const noMessages: Messenger = {
  send: () => Promise.reject(new Error("the tab API must not send messages")),
  sendMany: () => Promise.reject(new Error("the tab API must not send messages")),
  update: () => Promise.reject(new Error("the tab API must not send messages")),
  teamsUserIdOf: async () => undefined,
};

/** The real HTTP server with the tab's routes only (no bot), on a free port, over this store. */
export function startTabServer(config: Config, store: Store): Promise<RunningHttpServer> {
  const deps = { config, store, messenger: noMessages, clock: systemClock, logger: silentLogger };
  return startHttpServer({
    port: 0,
    store,
    logger: silentLogger,
    routes: (router) => registerTabRoutes(router, deps),
  });
}
