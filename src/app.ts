import type { IncomingMessage } from "node:http";
import { registerTabRoutes } from "./api/routes.ts";
import { createBot } from "./bot/create-bot.ts";
import { connectToTeams } from "./bot/teams-connection.ts";
import { type Clock, systemClock } from "./clock.ts";
import { type Config, loadConfig } from "./config.ts";
import { loadDemoIfEmpty } from "./demo/load-demo.ts";
import type { FeatureDeps } from "./feature-deps.ts";
import { listenHost } from "./http/listen-host.ts";
import { startupReadiness } from "./http/readiness.ts";
import { loadSamplePlanIfEmpty } from "./import/load-sample.ts";
import { createLogger, type Logger } from "./logger.ts";
import { createOutbox, type SendingMessenger } from "./outbox/create-outbox.ts";
import { createQuestionFeature } from "./query/question-feature.ts";
import { createReviewFeature } from "./review/review-feature.ts";
import { type RunningScheduler, startScheduler } from "./scheduler/scheduler.ts";
import { type RunningHttpServer, startHttpServer } from "./server.ts";
import { createSignOffFeature } from "./signoff/signoff-feature.ts";
import { openStore } from "./store/open-store.ts";
import { SenderPresenceRepo } from "./store/sender-presence.ts";
import type { Store } from "./store/store.ts";
import { startTelemetry } from "./telemetry/telemetry.ts";

export interface AppOptions {
  env: Record<string, string | undefined>;
  clock?: Clock;
  logger?: Logger;
  /** Skip loading the sample plan into an empty store (tests that bring their own plan). */
  skipSamplePlan?: boolean;
  /** For benchmarks: sees every request the embedded store answers, to count round trips. */
  onStoreRequest?: (request: IncomingMessage) => void;
}

export interface RunningApp {
  config: Config;
  store: Store;
  http: RunningHttpServer;
  port: number;
  messenger: SendingMessenger;
  /** The daily runner; tests call `runDue(now)` with a moved clock instead of waiting for 09:00. */
  scheduler: RunningScheduler;
  /** Resolves once the chat replies waiting their turn have gone (tests wait on it, as Teams does not). */
  repliesSent(): Promise<void>;
  close(): Promise<void>;
}

/** Starts the whole product: store, bot, features and HTTP server. Used by `serve` and by tests. */
export async function startApp(o: AppOptions): Promise<RunningApp> {
  // Milliseconds since the process began at each step of start-up, logged once it is running: the
  // first says how long loading the code took, which is most of a start-up.
  const startup: Record<string, number> = { codeLoaded: Math.round(performance.now()) };
  const config = loadConfig(o.env);
  const clock = o.clock ?? systemClock;
  const logger = o.logger ?? createLogger(config.LOG_LEVEL);
  if (config.developmentMode) {
    logger.warn(
      "DEVELOPMENT MODE: MicrosoftAppId is not set, so inbound requests are not authenticated. Never expose this server.",
    );
  }
  // Its SDK loads once the server is ready (see begin below); start-up's lines are kept till then.
  const telemetry = startTelemetry(config, logger);
  const store = await openStore({
    config,
    clock,
    logger,
    role: "server",
    onStoreRequest: o.onStoreRequest,
  }).catch(async (error: unknown) => {
    await telemetry.stop();
    throw error;
  });
  // `/readyz` turns the platform away until start-up is done and from the moment shutdown begins.
  const readiness = startupReadiness();
  // What start-up has opened, closed in reverse order on stop, or when a later step fails.
  const opened: Array<{ name: string; close: () => Promise<void> | void }> = [];
  const closeAll = async () => {
    readiness.stopping();
    for (const { name, close } of opened.splice(0).reverse()) {
      try {
        await close();
      } catch (error) {
        logger.warn("couldn't close part of the server while stopping", { part: name, error });
      }
    }
  };
  // Closed last: the lines logged while everything else stops are sent too.
  opened.push({ name: "telemetry", close: () => telemetry.stop() });
  opened.push({ name: "store", close: () => store.close() });
  startup.storeOpen = Math.round(performance.now());
  try {
    if (!o.skipSamplePlan) {
      if (config.DEMO_MODE) {
        await loadDemoIfEmpty(store, clock, logger, { timeZone: config.REVIEW_TIMEZONE });
      } else
        await loadSamplePlanIfEmpty(store, logger, {
          production: config.NODE_ENV === "production",
        });
    }
    const now = () => clock.now();
    const teams = connectToTeams({ config, store, now });
    const messenger = createOutbox({
      config,
      outbox: store.outbox,
      teams: teams.calls,
      addresses: teams.directory,
      limiter: teams.limiter,
      logger,
      now,
      presence: new SenderPresenceRepo(store.containers.leases),
    });
    const deps: FeatureDeps = { config, store, messenger, clock, logger };
    const signOff = createSignOffFeature(deps);
    const review = createReviewFeature(deps, signOff.hooks);
    const questions = createQuestionFeature(deps);
    opened.push({ name: "question index", close: () => questions.close() });
    const bot = createBot({
      config,
      store,
      clock,
      logger,
      teams,
      features: [review.feature, signOff.feature, questions],
    });
    const http = await startHttpServer({
      port: config.PORT,
      host: listenHost(config),
      store,
      logger,
      readiness,
      routes: (router) => {
        // The health probes, answered before this, are left out: the platform asks every minute.
        if (telemetry.requests) router.use(telemetry.requests);
        router.post("/api/messages", ...bot.endpoint);
        registerTabRoutes(router, deps);
      },
    });
    opened.push({ name: "HTTP server", close: () => http.close() });
    startup.listening = Math.round(performance.now());
    await messenger.start();
    opened.push({ name: "outbox sender", close: () => messenger.stop() });
    // Replies still waiting their turn go out before the sender closes the rate limiter.
    opened.push({ name: "replies", close: () => bot.drain() });
    const scheduler = await startScheduler({ ...deps, jobs: [review.daily, signOff.daily] });
    opened.push({ name: "scheduler", close: () => scheduler.stop() });
    readiness.started();
    // After start-up, not during it: reading a large plan would otherwise queue the store's other
    // start-up reads (and the health check's) behind it. A question asked before it ends waits for it.
    questions.warmUp();
    startup.ready = Math.round(performance.now());
    logger.info("Plan Tracker is running", {
      port: http.port,
      host: http.host,
      startupMs: startup,
    });
    void telemetry.begin();
    return {
      config,
      store,
      http,
      port: http.port,
      messenger,
      scheduler,
      repliesSent: () => bot.drain(),
      close: closeAll,
    };
  } catch (error) {
    await closeAll();
    throw error;
  }
}
