/**
 * Telemetry to Application Insights, on only when APPLICATIONINSIGHTS_CONNECTION_STRING is set.
 * Off, nothing of OpenTelemetry is loaded: the exporter and its SDK are imported here, on demand,
 * so a server without the setting starts as fast and as small as before.
 */
import type { RequestHandler } from "express";
import type { Config } from "../config.ts";
import type { Logger } from "../logger.ts";

export interface Telemetry {
  /** Reports each request it sees; put it before the routes. Undefined when telemetry is off. */
  readonly requests?: RequestHandler;
  /** Sends what is still buffered, then stops; never throws, even with ingestion down. */
  stop(): Promise<void>;
}

const OFF: Telemetry = { stop: async () => undefined };

export async function startTelemetry(
  config: Pick<Config, "APPLICATIONINSIGHTS_CONNECTION_STRING">,
  logger: Logger,
): Promise<Telemetry> {
  const connectionString = config.APPLICATIONINSIGHTS_CONNECTION_STRING;
  if (!connectionString) return OFF;
  const { startAzureMonitor } = await import("./azure-monitor.ts");
  return startAzureMonitor(connectionString, logger);
}
