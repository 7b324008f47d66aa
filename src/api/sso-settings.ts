/** The config fields the tab's sign-in check reads (TAB_SSO_* only in tests and unusual clouds). */
export interface TabSsoConfig {
  MicrosoftAppId?: string | undefined;
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
 * (v2.0 or v1 tokens), for this app (its id, or the `api://host/id` of webApplicationInfo).
 */
export function ssoSettingsFrom(config: TabSsoConfig): SsoSettings | { problem: string } {
  const appId = config.MicrosoftAppId;
  if (!appId)
    return { problem: "MicrosoftAppId is not set, so the dashboard cannot check sign-ins." };
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
