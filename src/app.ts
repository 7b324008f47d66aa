import type { IncomingMessage } from "node:http";
import { registerTabRoutes } from "./api/routes.ts";
import { createBot } from "./bot/create-bot.ts";
import { type Clock, systemClock } from "./clock.ts";
import { type Config, loadConfig } from "./config.ts";
import { loadDemoIfEmpty } from "./demo/load-demo.ts";
import type { FeatureDeps } from "./feature-deps.ts";
import { listenHost } from "./http/listen-host.ts";
import { startupReadiness } from "./http/readiness.ts";
import { loadSamplePlanIfEmpty } from "./import/load-sample.ts";
import { createLogger, type Logger } from "./logger.ts";
import type { Feature } from "./messaging.ts";
import type { BotMessenger } from "./outbox/outbox-messenger.ts";
import { createQuestionFeature } from "./query/question-feature.ts";
import { createReviewFeature } from "./review/review-feature.ts";
import { type RunningScheduler, startScheduler } from "./scheduler/scheduler.ts";
import { type RunningHttpServer, startHttpServer } from "./server.ts";
import { createSignOffFeature } from "./signoff/signoff-feature.ts";
import { openStore } from "./store/open-store.ts";
import type { Store } from "./store/store.ts";

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
  messenger: BotMessenger;
  /** The daily runner; tests call `runDue(now)` with a moved clock instead of waiting for 09:00. */
  scheduler: RunningScheduler;
  close(): Promise<void>;
}

/** Starts the whole product: store, bot, features and HTTP server. Used by `serve` and by tests. */
export async function startApp(o: AppOptions): Promise<RunningApp> {
  const config = loadConfig(o.env);
  const clock = o.clock ?? systemClock;
  const logger = o.logger ?? createLogger(config.LOG_LEVEL);
  if (config.developmentMode) {
    logger.warn(
      "DEVELOPMENT MODE: MicrosoftAppId is not set, so inbound requests are not authenticated. Never expose this server.",
    );
  }
  const store = await openStore({
    config,
    clock,
    logger,
    role: "server",
    onStoreRequest: o.onStoreRequest,
  });
  // `/readyz` turns the platform away until start-up is done and from the moment shutdown begins.
  const readiness = startupReadiness();
  try {
    if (!o.skipSamplePlan) {
      if (config.DEMO_MODE) {
        await loadDemoIfEmpty(store, clock, logger, { timeZone: config.REVIEW_TIMEZONE });
      } else
        await loadSamplePlanIfEmpty(store, logger, {
          production: config.NODE_ENV === "production",
        });
    }
    // The bot reads this list on every turn; features join once the messenger they send through exists.
    const features: Feature[] = [];
    const bot = createBot({ config, store, clock, logger, features });
    const deps: FeatureDeps = { config, store, messenger: bot.messenger, clock, logger };
    const signOff = createSignOffFeature(deps);
    const review = createReviewFeature(deps, signOff.hooks);
    const questions = createQuestionFeature(deps);
    features.push(review.feature, signOff.feature, questions);
    const http = await startHttpServer({
      port: config.PORT,
      host: listenHost(config),
      store,
      logger,
      readiness,
      routes: (router) => {
        router.post("/api/messages", ...bot.endpoint);
        registerTabRoutes(router, deps);
      },
    });
    await bot.messenger.start();
    const scheduler = await startScheduler({ ...deps, jobs: [review.daily, signOff.daily] });
    readiness.started();
    logger.info("Plan Tracker is running", { port: http.port, host: http.host });
    return {
      config,
      store,
      http,
      port: http.port,
      messenger: bot.messenger,
      scheduler,
      async close() {
        readiness.stopping();
        await scheduler.stop();
        questions.close();
        await bot.messenger.stop();
        await http.close();
        await store.close();
      },
    };
  } catch (error) {
    await store.close();
    throw error;
  }
}
