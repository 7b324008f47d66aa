import { SeverityNumber } from "@opentelemetry/api-logs";
import { describe, expect, it } from "vitest";
import { redactFields } from "../../../src/redact.ts";
import { logRecordsOf } from "../../../src/telemetry/log-records.ts";

describe("a log line as telemetry", () => {
  it("is one trace with the line's level, message and fields", () => {
    const records = logRecordsOf("info", "Plan Tracker is running", {
      port: 3978,
      startupMs: { ready: 1800 },
    });
    expect(records).toEqual([
      {
        severityNumber: SeverityNumber.INFO,
        severityText: "info",
        body: "Plan Tracker is running",
        attributes: { port: 3978, startupMs: '{"ready":1800}' },
      },
    ]);
  });

  it("adds an exception for an error the logger wrote out with its stack", () => {
    const error = new TypeError("cannot read the plan");
    const fields = redactFields({ error }) as Record<string, unknown>;
    const [line, exception] = logRecordsOf("error", "an activity could not be handled", fields);
    expect(line?.attributes).not.toHaveProperty("exception.type");
    expect(exception?.attributes).toMatchObject({
      "exception.type": "TypeError",
      "exception.message": "cannot read the plan",
      "exception.stacktrace": expect.stringContaining("log-records.test.ts"),
    });
    expect(exception?.severityNumber).toBe(SeverityNumber.ERROR);
  });

  it("reads an error logged as its stack text", () => {
    const stack = new RangeError("page 3 of 2").stack ?? "";
    const [, exception] = logRecordsOf("error", "request failed", { error: stack });
    expect(exception?.attributes).toMatchObject({
      "exception.type": "RangeError",
      "exception.message": "page 3 of 2",
    });
  });

  it("adds no exception for a problem described in words", () => {
    expect(logRecordsOf("warn", "a message could not be delivered", { error: "403" })).toHaveLength(
      1,
    );
  });
});
