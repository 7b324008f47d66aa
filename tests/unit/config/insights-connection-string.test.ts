import { describe, expect, it } from "vitest";
import { configVariableNames, loadConfig } from "../../../src/config.ts";

const KEY = "5b1e7c3a-9d24-4f6b-8a0e-2c7d9f1b3e45";
const PORTAL_STRING = `InstrumentationKey=${KEY};IngestionEndpoint=https://uksouth-1.in.applicationinsights.azure.com/;LiveEndpoint=https://uksouth.livediagnostics.monitor.azure.com/;ApplicationId=0f6c2a8e-1b3d-4e5f-9a7b-6c8d0e2f4a1b`;

describe("APPLICATIONINSIGHTS_CONNECTION_STRING", () => {
  it("is read by loadConfig, so the deployment template may set it", () => {
    expect(configVariableNames()).toContain("APPLICATIONINSIGHTS_CONNECTION_STRING");
  });

  it("is off when unset or empty", () => {
    expect(loadConfig({}).APPLICATIONINSIGHTS_CONNECTION_STRING).toBeUndefined();
    expect(
      loadConfig({ APPLICATIONINSIGHTS_CONNECTION_STRING: " " })
        .APPLICATIONINSIGHTS_CONNECTION_STRING,
    ).toBeUndefined();
  });

  it("accepts the connection string as the portal shows it, and one with only the key", () => {
    for (const value of [PORTAL_STRING, `InstrumentationKey=${KEY}`]) {
      expect(
        loadConfig({ APPLICATIONINSIGHTS_CONNECTION_STRING: value })
          .APPLICATIONINSIGHTS_CONNECTION_STRING,
      ).toBe(value);
    }
  });

  it.each([
    ["an instrumentation key alone, not a connection string", KEY],
    [
      "a key that is not a GUID",
      "InstrumentationKey=my-key-7f3a9c;IngestionEndpoint=https://uksouth-1.in.applicationinsights.azure.com/",
    ],
    ["no key", "IngestionEndpoint=https://uksouth-1.in.applicationinsights.azure.com/"],
    [
      "an endpoint that is not a web address",
      `InstrumentationKey=${KEY};IngestionEndpoint=uksouth-ingest`,
    ],
    ["a part that is not name=value", `InstrumentationKey=${KEY};uksouth`],
  ])("refuses %s in one line that names the fix and leaves the value out", (_what, value) => {
    let message = "";
    try {
      loadConfig({ APPLICATIONINSIGHTS_CONNECTION_STRING: value });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(
      /^APPLICATIONINSIGHTS_CONNECTION_STRING must be the Application Insights resource's connection string, copied whole from its Overview page/,
    );
    expect(message).toContain("or unset for no telemetry");
    expect(message).not.toContain("\n");
    expect(message).not.toContain(value);
    expect(message).not.toContain(KEY);
  });
});
