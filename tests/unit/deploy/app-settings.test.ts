import { describe, expect, it } from "vitest";
import { toolkitVariable } from "../../../scripts/toolkit-manifest.ts";
import { ssoSettingsFrom } from "../../../src/api/sso-settings.ts";
import { configVariableNames, loadConfig } from "../../../src/config.ts";
import { storeSignIn } from "../../../src/store/store-sign-in.ts";
import { type ArmContext, evaluate } from "./arm-expressions.ts";
import { readJson, resourceOf, template } from "./deploy-files.ts";

const t = template();

/** Settings read by App Service itself, not by Plan Tracker. */
const PLATFORM_SETTINGS: Record<string, string> = {
  WEBSITE_RUN_FROM_PACKAGE: "App Service runs the deployed zip as it is, read-only",
  SCM_DO_BUILD_DURING_DEPLOYMENT: "App Service must not rebuild: the zip has its dependencies",
};

/** What production cannot do without, each set by the template. */
const REQUIRED_IN_PRODUCTION: Record<string, string> = {
  NODE_ENV: "production refuses development mode (no token checks)",
  MicrosoftAppId: "the bot's identity; without it inbound tokens are not checked",
  MicrosoftAppType: "UserAssignedMSI: the bot signs in as the managed identity, no secret",
  MicrosoftAppTenantId: "the tenant the tab's sign-in tokens come from",
  COSMOS_ENDPOINT: "without it the app would start an embedded store on App Service's disk",
  PUBLIC_URL: "links to the tab and the tab's sign-in audience",
  TAB_APP_ID: "the tab's own Entra app: a managed identity cannot sign people in to the dashboard",
};

// What only Azure knows at deployment time, in the shapes Azure gives them.
const IDENTITY_CLIENT_ID = "3f1e2d4c-5b6a-4978-8c9d-0e1f2a3b4c5d";
const TENANT_ID = "11111111-2222-3333-4444-555555555555";
// What the toolkit's aadApp/create step writes to env/.env.dev before the template is deployed.
const TAB_APP_CLIENT_ID = "7c9e6679-7425-40de-944b-e07fc1f90ae7";
const azure: ArmContext = {
  parameters: {},
  variables: t.variables,
  location: "uksouth",
  reference(type, property) {
    const values: Record<string, Record<string, string>> = {
      "Microsoft.ManagedIdentity/userAssignedIdentities": {
        clientId: IDENTITY_CLIENT_ID,
        tenantId: TENANT_ID,
        principalId: "99999999-8888-7777-6666-555555555555",
      },
      "Microsoft.DocumentDB/databaseAccounts": {
        documentEndpoint: "https://plantrkcouncil-db.documents.azure.com:443/",
      },
      "Microsoft.Insights/components": {
        ConnectionString:
          "InstrumentationKey=00000000-0000-0000-0000-000000000000;IngestionEndpoint=https://uksouth-1.in.applicationinsights.azure.com/",
      },
      "Microsoft.Web/sites": { defaultHostName: "plantrkcouncil.azurewebsites.net" },
    };
    const value = values[type]?.[property];
    if (value === undefined) throw new Error(`no stand-in for reference(${type}).${property}`);
    return value;
  },
};

function deployedSettings(): Record<string, string> {
  const given = (readJson("infra/azure.parameters.json").parameters ?? {}) as Record<
    string,
    { value: unknown }
  >;
  azure.parameters = Object.fromEntries(
    Object.entries(t.parameters).map(([name, p]) => [
      name,
      // The toolkit fills ${{RESOURCE_SUFFIX}} from env/.env.dev.
      JSON.parse(
        JSON.stringify(given[name]?.value ?? p.defaultValue)
          .replace(toolkitVariable("RESOURCE_SUFFIX"), "council")
          .replace(toolkitVariable("AAD_APP_CLIENT_ID"), TAB_APP_CLIENT_ID),
      ),
    ]),
  );
  azure.parameters.location = "uksouth";
  const site = resourceOf(t, "Microsoft.Web/sites");
  const siteConfig = site.properties?.siteConfig as { appSettings: unknown } | undefined;
  const appSettings = siteConfig?.appSettings ?? [];
  const settings = evaluate(appSettings, azure) as { name: string; value: unknown }[];
  return Object.fromEntries(settings.map((s) => [s.name, String(s.value)]));
}

describe("the web app's settings in infra/azure.json", () => {
  const settings = deployedSettings();

  it("are each one Plan Tracker reads, or one App Service itself reads", () => {
    const known = new Set(configVariableNames());
    const unknown = Object.keys(settings).filter(
      (name) => !known.has(name) && !(name in PLATFORM_SETTINGS),
    );
    expect(unknown).toEqual([]);
  });

  it("include everything production needs, and no key or secret", () => {
    for (const name of Object.keys(REQUIRED_IN_PRODUCTION))
      expect(Object.keys(settings)).toContain(name);
    expect(settings).not.toHaveProperty("COSMOS_KEY");
    expect(settings).not.toHaveProperty("MicrosoftAppPassword");
  });

  it("start Plan Tracker in production, signed in to Cosmos DB as the bot's managed identity", () => {
    const config = loadConfig(settings);
    expect(config.developmentMode).toBe(false);
    expect(config.NODE_ENV).toBe("production");
    expect(config.MicrosoftAppType).toBe("UserAssignedMSI");
    expect(config.MicrosoftAppId).toBe(IDENTITY_CLIENT_ID);
    expect(config.COSMOS_ENDPOINT).toBe("https://plantrkcouncil-db.documents.azure.com:443/");
    expect(config.PUBLIC_URL).toBe("https://plantrkcouncil.azurewebsites.net");
    expect(storeSignIn(config)).toEqual({ kind: "entra", clientId: IDENTITY_CLIENT_ID });
  });

  it("send telemetry from Plan Tracker itself, with App Service's own agent left off", () => {
    const config = loadConfig(settings);
    expect(config.APPLICATIONINSIGHTS_CONNECTION_STRING).toMatch(/^InstrumentationKey=/);
    // The agent would report every request and dependency a second time beside the SDK.
    expect(settings).not.toHaveProperty("ApplicationInsightsAgent_EXTENSION_VERSION");
  });

  it("let the dashboard accept sign-ins issued for the tab's own Entra app, not the bot's identity", () => {
    const config = loadConfig(settings);
    expect(config.TAB_APP_ID).toBe(TAB_APP_CLIENT_ID);
    const sso = ssoSettingsFrom(config);
    expect(sso).toMatchObject({
      audiences: [TAB_APP_CLIENT_ID, `api://plantrkcouncil.azurewebsites.net/${TAB_APP_CLIENT_ID}`],
    });
  });
});
