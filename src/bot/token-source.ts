import {
  type AppCredentials,
  AuthenticationConstants,
  type ServiceClientCredentialsFactory,
} from "botframework-connector";

/** The Authorization header for requests to the Bot Connector (none in development mode). */
export interface TokenSource {
  authorization(): Promise<string | undefined>;
}

/**
 * Outbound tokens from the same credentials factory botbuilder uses (client secret for a
 * SingleTenant bot, the managed identity for UserAssignedMSI), for the scope and login URL the
 * botbuilder settings name. botbuilder caches and refreshes the token.
 */
export function credentialsTokenSource(
  factory: ServiceClientCredentialsFactory,
  settings: Record<string, string>,
): TokenSource {
  let credentials: Promise<AppCredentials> | null = null;
  const appId = settings.MicrosoftAppId ?? "";
  const scope =
    settings.ToChannelFromBotOAuthScope ?? AuthenticationConstants.ToChannelFromBotOAuthScope;
  const loginUrl =
    settings.ToChannelFromBotLoginUrl ?? AuthenticationConstants.ToChannelFromBotLoginUrl;
  const validateAuthority = settings.ValidateAuthority?.toLowerCase() !== "false";
  return {
    async authorization() {
      if (await factory.isAuthenticationDisabled()) return undefined;
      credentials ??= factory
        .createCredentials(appId, scope, loginUrl, validateAuthority)
        .then((c) => c as AppCredentials);
      try {
        return `Bearer ${await (await credentials).getToken()}`;
      } catch (error) {
        // Don't keep a broken credentials object: the next request tries afresh.
        credentials = null;
        throw error;
      }
    },
  };
}
