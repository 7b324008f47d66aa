/**
 * A log line as OpenTelemetry log records: the line itself (an Application Insights trace) and,
 * when it carries an error with a stack, that error too (an Application Insights exception).
 * Fields arrive already redacted by the logger.
 */
import type { AnyValue, LogRecord } from "@opentelemetry/api-logs";
import { SeverityNumber } from "@opentelemetry/api-logs";
import type { LogLevel } from "../logger.ts";

const SEVERITY: Record<Exclude<LogLevel, "silent">, SeverityNumber> = {
  debug: SeverityNumber.DEBUG,
  info: SeverityNumber.INFO,
  warn: SeverityNumber.WARN,
  error: SeverityNumber.ERROR,
};

export function logRecordsOf(
  level: Exclude<LogLevel, "silent">,
  message: string,
  fields: Record<string, unknown>,
): LogRecord[] {
  const attributes: Record<string, AnyValue> = {};
  for (const [name, value] of Object.entries(fields)) attributes[name] = attributeOf(value);
  const line: LogRecord = {
    severityNumber: SEVERITY[level],
    severityText: level,
    body: message,
    attributes,
  };
  const exception = exceptionOf(fields.error);
  if (!exception) return [line];
  return [
    line,
    {
      severityNumber: SEVERITY[level],
      severityText: level,
      body: message,
      attributes: {
        ...attributes,
        "exception.type": exception.type,
        "exception.message": exception.message,
        "exception.stacktrace": exception.stack,
      },
    },
  ];
}

/** Plain values as they are; anything else as the JSON the log line shows. */
function attributeOf(value: unknown): AnyValue {
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") {
    return value;
  }
  if (value === undefined || value === null) return String(value);
  return JSON.stringify(value);
}

interface ExceptionParts {
  type: string;
  message: string;
  stack: string;
}

/**
 * The logger turns an Error into `{type, message, stack}`; a few callers log `error.stack` as a
 * string instead, whose first line is "Type: message".
 */
function exceptionOf(error: unknown): ExceptionParts | undefined {
  if (typeof error === "string") {
    if (!/\n\s+at /.test(error)) return undefined;
    const first = error.split("\n", 1)[0] ?? "";
    const colon = first.indexOf(": ");
    return colon > 0
      ? { type: first.slice(0, colon), message: first.slice(colon + 2), stack: error }
      : { type: "Error", message: first, stack: error };
  }
  if (typeof error !== "object" || error === null) return undefined;
  const { type, message, stack } = error as Record<string, unknown>;
  if (typeof stack !== "string") return undefined;
  return {
    type: typeof type === "string" ? type : "Error",
    message: typeof message === "string" ? message : "",
    stack,
  };
}
