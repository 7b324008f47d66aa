import { describe, expect, it } from "vitest";
import { loadConfig } from "../../../src/config.ts";

describe("loadConfig", () => {
  it("uses the documented defaults and runs in development mode without an app id", () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      PORT: 3978,
      DATA_DIR: "./.data",
      EMBEDDED_COSMOS_PORT: 8081,
      COSMOS_DATABASE: "plan-tracker",
      REVIEW_TIMEZONE: "Europe/London",
      LOG_LEVEL: "info",
      developmentMode: true,
    });
    expect(config.COSMOS_ENDPOINT).toBeUndefined();
  });

  it.each([
    [{ PORT: "abc" }, /^PORT must be a port number \(got "abc"\)\.$/],
    [{ EMBEDDED_COSMOS_PORT: "70000" }, /^EMBEDDED_COSMOS_PORT must be a port between 0 and 65535/],
    [{ REVIEW_TIMEZONE: "Mars/Base" }, /^REVIEW_TIMEZONE must be an IANA time zone/],
    [{ LOG_LEVEL: "loud" }, /^LOG_LEVEL must be one of debug, info, warn, error, silent/],
    [{ COSMOS_ENDPOINT: "not a url" }, /^COSMOS_ENDPOINT must be the account's https URL/],
    [
      {
        COSMOS_ENDPOINT: "https://x.documents.azure.com:443/",
        COSMOS_KEY: "k",
        COSMOS_CLIENT_ID: "11111111-2222-3333-4444-555555555555",
      },
      /^COSMOS_CLIENT_ID must be unset when COSMOS_KEY is set/,
    ],
    [
      { COSMOS_CLIENT_ID: "my-identity" },
      /^COSMOS_CLIENT_ID must be the managed identity's client id, a GUID/,
    ],
    [{ MicrosoftAppId: "abc" }, /^MicrosoftAppType must be SingleTenant or UserAssignedMSI/],
    [
      { MicrosoftAppId: "abc", MicrosoftAppType: "MultiTenant" },
      /^MicrosoftAppType must be SingleTenant or UserAssignedMSI/,
    ],
    [
      { MicrosoftAppId: "abc", MicrosoftAppType: "SingleTenant", MicrosoftAppPassword: "s" },
      /^MicrosoftAppTenantId/,
    ],
    [{ NODE_ENV: "production" }, /^MicrosoftAppId must be .*refused when NODE_ENV=production/],
  ])("refuses %j with one line naming the variable", (env, message) => {
    expect(() => loadConfig(env)).toThrow(message);
    try {
      loadConfig(env);
    } catch (error) {
      expect((error as Error).message).not.toContain("\n");
    }
  });

  it("accepts a production SingleTenant registration and passes botbuilder's settings through", () => {
    const config = loadConfig({
      NODE_ENV: "production",
      MicrosoftAppId: "app",
      MicrosoftAppType: "SingleTenant",
      MicrosoftAppPassword: "secret",
      MicrosoftAppTenantId: "tenant",
      ToBotFromChannelOpenIdMetadataUrl: "https://localhost/openid",
      EMBEDDED_COSMOS_PORT: "0",
    });
    expect(config.developmentMode).toBe(false);
    expect(config.EMBEDDED_COSMOS_PORT).toBe(0);
    expect(config.botFramework).toMatchObject({
      MicrosoftAppId: "app",
      ToBotFromChannelOpenIdMetadataUrl: "https://localhost/openid",
    });
  });
});
