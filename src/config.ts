import { isIP } from "node:net";
import { z } from "zod";
import { DomainError } from "./domain/errors.ts";
import { isSecretVariable, rememberSecrets, scrubSecrets } from "./redact.ts";
import { isConnectionString } from "./telemetry/connection-string.ts";

const port = (fallback: number) =>
  z.coerce
    .number({ message: "a port number" })
    .int("a whole port number")
    .min(0, "a port between 0 and 65535")
    .max(65535, "a port between 0 and 65535")
    .default(fallback);

const optionalText = z
  .string()
  .trim()
  .transform((s) => (s === "" ? undefined : s))
  .optional();

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-GB", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** An IPv4 or IPv6 address, or a host name made of DNS labels. */
function isListenHost(host: string): boolean {
  if (isIP(host) !== 0) return true;
  return /^(?=.{1,253}$)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/i.test(
    host,
  );
}

const ConfigSchema = z
  .object({
    PORT: port(3978),
    /** Where the server listens; unset: 127.0.0.1 in development mode, every interface otherwise. */
    HOST: optionalText.pipe(
      z
        .string()
        .refine(
          isListenHost,
          "an IP address or host name to listen on, such as 127.0.0.1 or 0.0.0.0",
        )
        .optional(),
    ),
    DATA_DIR: z.string().trim().min(1, "a folder path").default("./.data"),
    EMBEDDED_COSMOS_PORT: port(8081),
    COSMOS_ENDPOINT: optionalText.pipe(
      z
        .url({
          message: "the account's https URL, e.g. https://myaccount.documents.azure.com:443/",
        })
        .optional(),
    ),
    /** Unset with COSMOS_ENDPOINT set: the managed identity signs in instead (production on Azure). */
    COSMOS_KEY: optionalText,
    /** The user-assigned managed identity that signs in to Cosmos DB; defaults to a UserAssignedMSI bot's own. */
    COSMOS_CLIENT_ID: optionalText.pipe(
      z
        .string()
        .regex(
          /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
          "the managed identity's client id, a GUID such as 00000000-0000-0000-0000-000000000000",
        )
        .optional(),
    ),
    COSMOS_DATABASE: z.string().trim().min(1, "a database name").default("plan-tracker"),
    MicrosoftAppId: optionalText,
    MicrosoftAppPassword: optionalText,
    MicrosoftAppTenantId: optionalText,
    MicrosoftAppType: optionalText.pipe(
      z
        .enum(["SingleTenant", "UserAssignedMSI"], { message: "SingleTenant or UserAssignedMSI" })
        .optional(),
    ),
    REVIEW_TIMEZONE: z
      .string()
      .trim()
      .default("Europe/London")
      .refine(isTimeZone, "an IANA time zone such as Europe/London"),
    LOG_LEVEL: z
      .enum(["debug", "info", "warn", "error", "silent"], {
        message: "one of debug, info, warn, error, silent",
      })
      .default("info"),
    /** Unset: no telemetry, and the telemetry packages are never loaded. */
    APPLICATIONINSIGHTS_CONNECTION_STRING: optionalText.pipe(
      z
        .string()
        .refine(
          isConnectionString,
          "the Application Insights resource's connection string, copied whole from its Overview page " +
            "(InstrumentationKey=<guid>;IngestionEndpoint=https://…), or unset for no telemetry",
        )
        .optional(),
    ),
    NODE_ENV: optionalText,
    PUBLIC_URL: optionalText.pipe(z.url({ message: "the bot's public https URL" }).optional()),
    /** Where the tab's sign-in check fetches Entra's keys; only tests and unusual clouds set it. */
    TAB_SSO_JWKS_URL: optionalText.pipe(
      z.url({ message: "the https URL of a JSON Web Key Set" }).optional(),
    ),
    /** Accepted sign-in token issuers, comma-separated; defaults to the tenant's Entra issuers. */
    TAB_SSO_ISSUER: optionalText,
    /** The client id of the tab's own Entra app, whose tokens the dashboard accepts; unset: the bot's. */
    TAB_APP_ID: optionalText.pipe(
      z
        .string()
        .regex(
          /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
          "the tab's Entra app client id, a GUID such as 00000000-0000-0000-0000-000000000000",
        )
        .optional(),
    ),
    SEND_RATE_PER_SECOND: z.coerce
      .number({ message: "a number of messages per second" })
      .positive("a number above 0")
      .default(50),
    /**
     * How often each instance notes itself in the store, so that instances on one store split
     * SEND_RATE_PER_SECOND between them (a dead instance's part is freed after three of these).
     */
    INSTANCE_HEARTBEAT_SECONDS: z.coerce
      .number({ message: "a number of seconds" })
      .min(0.1, "a number of seconds, at least 0.1")
      .max(60, "a number of seconds, at most 60")
      .default(5),
    /** How long a message Teams keeps throttling or failing is retried before it is given up. */
    SEND_DEADLINE_HOURS: z.coerce
      .number({ message: "a number of hours" })
      .positive("a number of hours above 0")
      .default(24),
    DEMO_MODE: z
      .enum(["", "0", "1", "true", "false"], { message: "1 or 0" })
      .optional()
      .transform((v) => v === "1" || v === "true"),
    /** Whose the quarter's Word report is, on its cover: "Report of the Director of Children's Services". */
    REPORT_OF: z
      .string()
      .trim()
      .max(200, "at most 200 characters, such as the Director of Children's Services")
      .transform((s) => (s === "" ? undefined : s))
      .optional()
      .transform((s) => s ?? "the Director of Children's Services"),
  })
  .superRefine((c, ctx) => {
    if (c.COSMOS_KEY && c.COSMOS_CLIENT_ID) {
      ctx.addIssue({
        code: "custom",
        path: ["COSMOS_CLIENT_ID"],
        message:
          "unset when COSMOS_KEY is set: the store is reached with the key or with the managed identity, not both",
      });
    }
    if (c.MicrosoftAppId && !c.MicrosoftAppType) {
      ctx.addIssue({
        code: "custom",
        path: ["MicrosoftAppType"],
        message: "SingleTenant or UserAssignedMSI when MicrosoftAppId is set",
      });
    }
    if (c.MicrosoftAppType === "SingleTenant" && c.MicrosoftAppId && !c.MicrosoftAppTenantId) {
      ctx.addIssue({
        code: "custom",
        path: ["MicrosoftAppTenantId"],
        message: "the Entra tenant id for a SingleTenant bot",
      });
    }
    if (c.MicrosoftAppType === "SingleTenant" && c.MicrosoftAppId && !c.MicrosoftAppPassword) {
      ctx.addIssue({
        code: "custom",
        path: ["MicrosoftAppPassword"],
        message: "the client secret for a SingleTenant bot",
      });
    }
    if (!c.MicrosoftAppId && c.NODE_ENV === "production") {
      ctx.addIssue({
        code: "custom",
        path: ["MicrosoftAppId"],
        message:
          "the bot's app id: development mode (no token checks) is refused when NODE_ENV=production",
      });
    }
  });

export type Config = z.infer<typeof ConfigSchema> & {
  /** True when no app id is set: inbound tokens are not checked. */
  developmentMode: boolean;
  /** botbuilder's own settings, passed through as it reads them. */
  botFramework: Record<string, string>;
};

/** botbuilder's ConfigurationBotFrameworkAuthentication reads these names; tests point them at a local key set. */
const BOT_FRAMEWORK_KEYS = [
  "MicrosoftAppId",
  "MicrosoftAppPassword",
  "MicrosoftAppTenantId",
  "MicrosoftAppType",
  "ToBotFromChannelOpenIdMetadataUrl",
  "ToBotFromChannelTokenIssuer",
  "ToBotFromEmulatorOpenIdMetadataUrl",
  "ToChannelFromBotLoginUrl",
  "ToChannelFromBotOAuthScope",
  "OAuthUrl",
  "ChannelService",
  "ValidateAuthority",
  "CallerId",
];

/** Every environment variable loadConfig reads, so deployment files can be checked against it. */
export function configVariableNames(): string[] {
  return [...new Set([...Object.keys(ConfigSchema.shape), ...BOT_FRAMEWORK_KEYS])];
}

/** Parses the environment; a bad value throws a DomainError("config") whose message is one line naming the variable. */
export function loadConfig(env: Record<string, string | undefined>): Config {
  rememberSecrets(env);
  refuseConnectionStringEndpoint(env);
  const result = ConfigSchema.safeParse(env);
  if (!result.success) {
    const issue = result.error.issues[0];
    const name = String(issue?.path[0] ?? "environment");
    throw new DomainError(
      "config",
      `${name} must be ${issue?.message ?? "valid"}${shownValue(name, env[name])}.`,
    );
  }
  const botFramework: Record<string, string> = {};
  for (const key of BOT_FRAMEWORK_KEYS) {
    const value = env[key];
    if (value !== undefined && value !== "") botFramework[key] = value;
  }
  return { ...result.data, developmentMode: !result.data.MicrosoftAppId, botFramework };
}

/** The bad value quoted back, so the fix is obvious, but never a secret or a secret part of it. */
function shownValue(name: string, value: string | undefined): string {
  if (value === undefined) return "";
  if (isSecretVariable(name)) return " (the value is not shown because it is secret)";
  return ` (got "${scrubSecrets(value)}")`;
}

/** The portal's connection string pasted whole is an easy mistake: say how to split it. */
function refuseConnectionStringEndpoint(env: Record<string, string | undefined>): void {
  const value = env.COSMOS_ENDPOINT ?? "";
  if (!/(^|;)\s*(AccountEndpoint|AccountKey)\s*=/i.test(value)) return;
  throw new DomainError(
    "config",
    "COSMOS_ENDPOINT must be the account's https address (e.g. https://<account>.documents.azure.com:443/); " +
      "it looks like a connection string: put the address in COSMOS_ENDPOINT and the key in COSMOS_KEY " +
      `(got "${scrubSecrets(value.trim())}").`,
  );
}
