/**
 * Where OpenTelemetry's own complaints go. With ingestion down the exporter reports every failed
 * send; an operator needs to hear it once, and the bot's users not at all.
 */
import type { DiagLogger } from "@opentelemetry/api";
import type { Logger } from "../logger.ts";

/** What the SDK says at every start while its resource detection settles: not a problem. */
const HARMLESS = [/async attributes/i, /resource attributes/i, /has been loaded before/i];

export function exportProblems(logger: Logger): DiagLogger {
  let said = false;
  const sayOnce = (message: string, ...args: unknown[]) => {
    if (said || HARMLESS.some((pattern) => pattern.test(String(message)))) return;
    said = true;
    logger.warn(
      "Telemetry to Application Insights is failing; Plan Tracker carries on without it. " +
        "Check APPLICATIONINSIGHTS_CONNECTION_STRING and that the server can reach the ingestion endpoint (said once).",
      { problem: message, details: args },
    );
  };
  const ignore = () => undefined;
  return { error: sayOnce, warn: sayOnce, info: ignore, debug: ignore, verbose: ignore };
}
