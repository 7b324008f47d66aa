/**
 * Keeps keys and passwords out of everything Plan Tracker prints: log lines, start-up errors and
 * the CLI's messages. Secrets arrive in three shapes, each handled here: a field or variable whose
 * name says it is secret, a connection string or URL with a secret part inside some text, and the
 * configured secret values themselves turning up verbatim in a library's error text.
 */

export const REDACTED = "[redacted]";

/** Environment variables never echoed: COSMOS_KEY, MicrosoftAppPassword, any *_TOKEN, … */
const SECRET_VARIABLE = /key|secret|password|passwd|token|connection|credential/i;

/**
 * Field names whose values are never logged. A bare `key` is not among them: the outbox logs a
 * message's idempotency key under that name to trace it, and that key is not a secret.
 */
const SECRET_FIELD =
  /pass(word|wd)?$|^pwd$|secret|token|authori[sz]ation|cookie|credential|signature|connection.?string|(account|api|access|master|private|primary|secondary|shared.?access|cosmos|app|client|subscription)[-_]?key$/i;

/**
 * `name=value` parts of connection strings and query strings that carry a secret. The value runs
 * to the next `;`, `&`, quote or white space, so base64 padding (`==`) goes with it.
 */
const SECRET_ASSIGNMENT =
  /(^|[\s;?&"'(,{[])((?:account|shared.?access|access|api|client|master|primary|secondary|subscription)?key|shared.?access.?signature|sig|password|passwd|pwd|secret|client.?secret|token|access.?token|refresh.?token|id.?token|code)(\s*=\s*)([^;&\s"'<>)]+)/gi;

/** `"password": "…"` inside a quoted JSON body in an error text. */
const SECRET_JSON_MEMBER =
  /("(?:[a-z_-]*(?:password|secret|token|accountkey|apikey|authorization)[a-z_-]*)"\s*:\s*")([^"\\]*(?:\\.[^"\\]*)*)"/gi;

/** `Authorization: Bearer …`, `Basic …` or a bare `Bearer eyJ…`. */
const AUTH_SCHEME = /\b(Bearer|Basic|SharedAccessSignature)(\s+)[A-Za-z0-9._~+/=-]{8,}/g;

/** A password in a URL's user part: `https://user:secret@host`. */
const URL_PASSWORD = /(\b[a-z][a-z0-9+.-]*:\/\/[^\s:/@]+:)([^\s@/]+)@/gi;

/** Values from the configuration that are secret; shorter ones would match ordinary words. */
const MIN_KNOWN_SECRET = 6;
const knownSecrets = new Set<string>();

/** Addresses named after what they serve, e.g. botbuilder's ToBotFromChannelTokenIssuer. */
const ADDRESS_VARIABLE = /(url|uri|issuer)$/i;

export function isSecretVariable(name: string): boolean {
  return SECRET_VARIABLE.test(name) && !ADDRESS_VARIABLE.test(name);
}

export function isSecretField(name: string): boolean {
  return SECRET_FIELD.test(name);
}

/**
 * Notes the values of the environment's secret variables, so that one quoted verbatim in some
 * library's error text is still replaced, whatever its shape.
 */
export function rememberSecrets(env: Record<string, string | undefined>): void {
  for (const [name, value] of Object.entries(env)) {
    const trimmed = value?.trim();
    if (trimmed && trimmed.length >= MIN_KNOWN_SECRET && isSecretVariable(name)) {
      knownSecrets.add(trimmed);
    }
  }
}

/** The text with every secret-looking part replaced by "[redacted]". */
export function scrubSecrets(text: string): string {
  let out = text;
  for (const secret of knownSecrets) {
    if (out.includes(secret)) out = out.split(secret).join(REDACTED);
  }
  return out
    .replace(
      SECRET_ASSIGNMENT,
      (_m, before, name, equals) => `${before}${name}${equals}${REDACTED}`,
    )
    .replace(SECRET_JSON_MEMBER, (_m, start) => `${start}${REDACTED}"`)
    .replace(AUTH_SCHEME, (_m, scheme, space) => `${scheme}${space}${REDACTED}`)
    .replace(URL_PASSWORD, (_m, start) => `${start}${REDACTED}@`);
}

/** How deep log fields are followed; deeper values are summarised rather than walked. */
const MAX_DEPTH = 8;

/**
 * A copy of log fields safe to print: secret-named fields replaced, every string scrubbed, and
 * each Error turned into `{type, message, stack}` (its stack scrubbed too) so it stays one line.
 */
export function redactFields(value: unknown, depth = 0, seen = new WeakSet<object>()): unknown {
  if (typeof value === "string") return scrubSecrets(value);
  if (typeof value === "bigint") return value.toString();
  if (value === null || typeof value !== "object") return value;
  if (seen.has(value)) return "[circular]";
  if (depth >= MAX_DEPTH) return "[too deep]";
  seen.add(value);
  try {
    if (value instanceof Error) return errorFields(value, depth, seen);
    if (value instanceof Date) return value;
    if (Array.isArray(value)) return value.map((item) => redactFields(item, depth + 1, seen));
    const out: Record<string, unknown> = {};
    for (const [name, inner] of Object.entries(value)) {
      out[name] = isSecretField(name) ? REDACTED : redactFields(inner, depth + 1, seen);
    }
    return out;
  } finally {
    seen.delete(value);
  }
}

function errorFields(error: Error, depth: number, seen: WeakSet<object>): Record<string, unknown> {
  const out: Record<string, unknown> = {
    type: error.name || error.constructor?.name || "Error",
    message: scrubSecrets(String(error.message)),
  };
  if (error.stack) out.stack = scrubSecrets(error.stack);
  // Codes and statuses say what went wrong without internals; other own fields may hold a request.
  for (const name of ["code", "statusCode", "status"] as const) {
    const inner = (error as unknown as Record<string, unknown>)[name];
    if (typeof inner === "string" || typeof inner === "number") out[name] = inner;
  }
  if (error.cause !== undefined) out.cause = redactFields(error.cause, depth + 1, seen);
  return out;
}
