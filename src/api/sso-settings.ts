/** The config fields the tab's sign-in check reads (TAB_SSO_* only in tests and unusual clouds). */
export interface TabSsoConfig {
  MicrosoftAppId?: string | undefined;
  MicrosoftAppType?: string | undefined;
  /** The tab's own Entra app, when it is not the bot's (a managed-identity bot cannot sign people in). */
  TAB_APP_ID?: string | undefined;
  MicrosoftAppTenantId?: string | undefined;
  PUBLIC_URL?: string | undefined;
  /** Where Entra publishes its signing keys; tests point it at a local key set. */
  TAB_SSO_JWKS_URL?: string | undefined;
  /** Accepted token issuers, comma-separated; tests set their own. */
  TAB_SSO_ISSUER?: string | undefined;
}

export interface SsoSettings {
  jwksUrl: URL;
  issuers: string[];
  audiences: string[];
}

/**
 * What a Teams SSO token must match: signed by the tenant's Entra keys, issued by the tenant
 * (v2.0 or v1 tokens), for the app the manifest's webApplicationInfo names (its id, or its
 * `api://host/id`): the tab's own app when TAB_APP_ID is set, else the bot's. Only that one app:
 * a token Teams issued for any other app was not meant for this dashboard.
 */
export function ssoSettingsFrom(config: TabSsoConfig): SsoSettings | { problem: string } {
  const appId = config.TAB_APP_ID ?? config.MicrosoftAppId;
  if (!appId)
    return { problem: "MicrosoftAppId is not set, so the dashboard cannot check sign-ins." };
  // A managed identity cannot expose an API, so Teams never issues sign-in tokens for it.
  if (!config.TAB_APP_ID && config.MicrosoftAppType === "UserAssignedMSI") {
    return {
      problem:
        "The dashboard cannot sign people in: the bot is a managed identity, so set TAB_APP_ID to the client id of the tab's own Entra app (AAD_APP_CLIENT_ID in env/.env.dev).",
    };
  }
  const tenant = config.MicrosoftAppTenantId;
  if (!tenant && !(config.TAB_SSO_JWKS_URL && config.TAB_SSO_ISSUER)) {
    return {
      problem:
        "The dashboard's sign-in check needs MicrosoftAppTenantId: set it to your Entra tenant id.",
    };
  }
  const issuers = config.TAB_SSO_ISSUER
    ? config.TAB_SSO_ISSUER.split(",")
        .map((s) => s.trim())
        .filter(Boolean)
    : [`https://login.microsoftonline.com/${tenant}/v2.0`, `https://sts.windows.net/${tenant}/`];
  const audiences = [appId];
  if (config.PUBLIC_URL) audiences.push(`api://${new URL(config.PUBLIC_URL).host}/${appId}`);
  return {
    jwksUrl: new URL(
      config.TAB_SSO_JWKS_URL ?? `https://login.microsoftonline.com/${tenant}/discovery/v2.0/keys`,
    ),
    issuers,
    audiences,
  };
}
