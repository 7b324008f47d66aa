/**
 * The Azure Monitor OpenTelemetry distro, set up for Plan Tracker: requests from our own express
 * middleware (its automatic HTTP instrumentation cannot hook an ES module server that is already
 * loaded, and would also report the embedded store's own HTTPS traffic as requests), log lines
 * copied from the logger, and outbound calls from Node's diagnostics channels (see
 * outbound-calls.ts: the Cosmos SDK traces nothing itself). Live metrics and the SDK's usage
 * reports to Microsoft are off; standard metrics and performance counters, a few envelopes a
 * minute that draw the portal's charts, stay on.
 */
import { setLogLevel } from "@azure/logger";
import { shutdownAzureMonitor, useAzureMonitor } from "@azure/monitor-opentelemetry";
import { DiagLogLevel, diag } from "@opentelemetry/api";
import { logs } from "@opentelemetry/api-logs";
import { resourceFromAttributes } from "@opentelemetry/resources";
import { copyLogLinesTo, type Logger } from "../logger.ts";
import { exportProblems } from "./export-problems.ts";
import { logRecordsOf } from "./log-records.ts";
import { traceOutboundCalls } from "./outbound-calls.ts";
import { requestSpans } from "./request-spans.ts";
import type { EarlyLine, Telemetry } from "./telemetry.ts";

/** The cloud role name: what Application Insights' application map and filters call the server. */
const ROLE = "plan-tracker";

/** How long a stop waits for the last telemetry to go before giving up on it. */
const FLUSH_TIMEOUT_MS = 10_000;

export function startAzureMonitor(
  connectionString: string,
  logger: Logger,
  early: readonly EarlyLine[] = [],
): Omit<Telemetry, "begin"> {
  // The exporter reads these only from the environment. Statsbeat reports the SDK's own use to
  // Microsoft, which a council has not agreed to; nothing else in the process reads them.
  process.env.APPLICATION_INSIGHTS_NO_STATSBEAT = "true";
  process.env.APPLICATIONINSIGHTS_STATSBEAT_DISABLED = "true";
  process.env.APPLICATIONINSIGHTS_SDKSTATS_DISABLED = "true";
  useAzureMonitor({
    azureMonitorExporterOptions: {
      connectionString,
      // A send that fails is kept on disk and sent again later by the exporter; retrying within
      // the send as well would only hold up a shutdown while ingestion is down.
      retryOptions: { maxRetries: 0 },
    },
    resource: resourceFromAttributes({ "service.name": ROLE }),
    // Every request and line: a council's traffic is small, and a sampled-out failure is the one
    // someone will look for.
    samplingRatio: 1,
    tracesPerSecond: 0,
    enableLiveMetrics: false,
    instrumentationOptions: {
      http: { enabled: false },
      // Off: Cosmos DB 4.9 traces nothing through it, and the calls of the SDKs that do (the
      // managed identity's token requests) are already reported by outbound-calls.ts.
      azureSdk: { enabled: false },
      mongoDb: { enabled: false },
      mySql: { enabled: false },
      postgreSql: { enabled: false },
      redis: { enabled: false },
      redis4: { enabled: false },
      bunyan: { enabled: false },
      winston: { enabled: false },
      console: { enabled: false },
    },
  });
  // The distro turns on every Azure SDK client's warnings (the store's expected 404s at start-up
  // among them) unless AZURE_LOG_LEVEL says otherwise; Plan Tracker's logs stay as they were.
  if (!process.env.AZURE_LOG_LEVEL) setLogLevel();
  // The exporter reports each failed send; with ingestion down that would be a line every few
  // seconds. One warning says it, and the bot carries on.
  const problems = exportProblems(logger);
  diag.setLogger(problems, { logLevel: DiagLogLevel.WARN, suppressOverrideMessage: true });
  const otelLogs = logs.getLogger(ROLE);
  // The lines logged before the SDK loaded (start-up's), each with the time it was logged.
  for (const line of early) {
    for (const record of logRecordsOf(line.level, line.message, line.fields))
      otelLogs.emit({ ...record, timestamp: line.at });
  }
  copyLogLinesTo((level, message, fields) => {
    for (const record of logRecordsOf(level, message, fields)) otelLogs.emit(record);
  });
  const stopOutboundCalls = traceOutboundCalls();
  let stopped: Promise<void> | undefined;
  return {
    requests: requestSpans(),
    stop() {
      stopped ??= (async () => {
        stopOutboundCalls();
        copyLogLinesTo(undefined);
        await withTimeout(shutdownAzureMonitor(), FLUSH_TIMEOUT_MS).catch((error: unknown) =>
          problems.warn("couldn't send the last telemetry", error),
        );
        diag.disable();
      })();
      return stopped;
    },
  };
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
    timer.unref();
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}
