/**
 * Telemetry to Application Insights, on only when APPLICATIONINSIGHTS_CONNECTION_STRING is set.
 * Off, nothing of OpenTelemetry is loaded: the exporter and its SDK are imported here, on demand,
 * so a server without the setting starts as fast and as small as before.
 *
 * On, the SDK (about a second of loading) is loaded once the server is ready, not before it starts:
 * a start-up would otherwise take that second longer before the platform may send it traffic. The
 * lines logged meanwhile are kept and sent, with their own times, once it has loaded; requests
 * answered in that second are not reported.
 */
import type { RequestHandler } from "express";
import type { Config } from "../config.ts";
import { copyLogLinesTo, type LogCopy, type Logger } from "../logger.ts";

export interface Telemetry {
  /** Reports each request it sees; put it before the routes. Undefined when telemetry is off. */
  readonly requests?: RequestHandler;
  /** Loads the SDK and starts sending (once the server is ready); never throws. */
  begin(): Promise<void>;
  /** Sends what is still buffered, then stops; never throws, even with ingestion down. */
  stop(): Promise<void>;
}

/** What is kept of the lines logged before the SDK has loaded: start-up says far fewer. */
const EARLY_LINES = 1_000;

/** A line logged before the SDK loaded, with the moment it was logged. */
export interface EarlyLine {
  at: Date;
  level: Parameters<LogCopy>[0];
  message: string;
  fields: Record<string, unknown>;
}

/** Logged once the SDK has loaded: requests from then on are reported. */
export const TELEMETRY_ON = "sending telemetry to Application Insights";

const OFF: Telemetry = { begin: async () => undefined, stop: async () => undefined };

export function startTelemetry(
  config: Pick<Config, "APPLICATIONINSIGHTS_CONNECTION_STRING">,
  logger: Logger,
): Telemetry {
  const connectionString = config.APPLICATIONINSIGHTS_CONNECTION_STRING;
  if (!connectionString) return OFF;
  const early: EarlyLine[] = [];
  copyLogLinesTo((level, message, fields) => {
    if (early.length < EARLY_LINES) early.push({ at: new Date(), level, message, fields });
  });
  let running: Omit<Telemetry, "begin"> | undefined;
  let began: Promise<void> | undefined;
  const begin = () => {
    began ??= import("./azure-monitor.ts")
      .then(({ startAzureMonitor }) => {
        running = startAzureMonitor(connectionString, logger, early.splice(0));
        logger.info(TELEMETRY_ON);
      })
      .catch((error: unknown) => {
        copyLogLinesTo(undefined);
        logger.warn("couldn't start sending telemetry to Application Insights", { error });
      });
    return began;
  };
  return {
    requests: (req, res, next) => {
      if (running?.requests) running.requests(req, res, next);
      else next();
    },
    begin,
    async stop() {
      // A server stopping before it was ready (a failed start-up above all) still sends its lines.
      await begin();
      if (running) await running.stop();
    },
  };
}
