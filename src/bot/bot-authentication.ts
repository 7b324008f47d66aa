import {
  type Activity,
  ConfigurationBotFrameworkAuthentication,
  type ConfigurationBotFrameworkAuthenticationOptions,
  ConfigurationServiceClientCredentialFactory,
} from "botbuilder";
import {
  type AuthenticateRequestResult,
  AuthenticationConstants,
  AuthenticationError,
} from "botframework-connector";

/**
 * botbuilder treats the public cloud's endpoints as all-or-nothing: set one of them (as tests do,
 * to check tokens against a local key set) and the rest become unset. Unset ones get the public
 * cloud's values here, so overriding one setting changes only that setting.
 */
export function withPublicCloudDefaults(settings: Record<string, string>): Record<string, string> {
  if (settings.ChannelService) return settings;
  return {
    ToChannelFromBotLoginUrl: AuthenticationConstants.ToChannelFromBotLoginUrl,
    ToChannelFromBotOAuthScope: AuthenticationConstants.ToChannelFromBotOAuthScope,
    ToBotFromChannelTokenIssuer: AuthenticationConstants.ToBotFromChannelTokenIssuer,
    ToBotFromChannelOpenIdMetadataUrl: AuthenticationConstants.ToBotFromChannelOpenIdMetadataUrl,
    ToBotFromEmulatorOpenIdMetadataUrl: AuthenticationConstants.ToBotFromEmulatorOpenIdMetadataUrl,
    OAuthUrl: AuthenticationConstants.OAuthUrl,
    CallerId: "urn:botframework:azure",
    ...settings,
  };
}

/**
 * botbuilder's inbound token check, with one change: a token that fails for a reason botbuilder
 * doesn't wrap (a bad signature, `alg: none`, a malformed token) is an AuthenticationError too,
 * so the request gets 401 like any other bad token rather than a 500.
 */
export class StrictBotFrameworkAuthentication extends ConfigurationBotFrameworkAuthentication {
  override async authenticateRequest(
    activity: Activity,
    authHeader: string,
  ): Promise<AuthenticateRequestResult> {
    try {
      return await super.authenticateRequest(activity, authHeader);
    } catch (error) {
      if (error instanceof AuthenticationError) throw error;
      const reason = error instanceof Error ? error.message : String(error);
      throw new AuthenticationError(`Unauthorized. ${reason}`, 401);
    }
  }
}

/** The inbound check and the outbound credentials, both from botbuilder's own setting names. */
export function botFrameworkAuthentication(settings: Record<string, string>) {
  const complete = withPublicCloudDefaults(settings);
  const credentials = new ConfigurationServiceClientCredentialFactory(complete);
  const authentication = new StrictBotFrameworkAuthentication(
    complete as ConfigurationBotFrameworkAuthenticationOptions,
    credentials,
  );
  return { authentication, credentials, settings: complete };
}
