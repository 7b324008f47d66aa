import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { packageSettingsFrom } from "../../../scripts/app-package.ts";
import { loadConfig } from "../../../src/config.ts";
import { createLogger } from "../../../src/logger.ts";

/** A logger whose lines are kept, as stderr would receive them. */
function capture() {
  const lines: string[] = [];
  return { lines, logger: createLogger("debug", (line) => lines.push(line)) };
}

/** Keys as Azure issues them: base64, often padded; long enough never to occur by chance. */
const accountKey = fc
  .tuple(
    fc.string({
      unit: fc.constantFrom(..."ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"),
      minLength: 20,
      maxLength: 88,
    }),
    fc.constantFrom("", "=", "=="),
  )
  .map(([body, padding]) => body + padding);

/** The shapes a secret takes inside some text: connection strings, query strings, headers, JSON. */
const secretInText = fc.tuple(
  accountKey,
  fc.constantFrom(
    (k: string) => `AccountEndpoint=https://acct.documents.azure.com:443/;AccountKey=${k};`,
    (k: string) => `AccountEndpoint=https://acct.documents.azure.com:443/;AccountKey=${k}`,
    (k: string) =>
      `Endpoint=sb://ns.servicebus.windows.net/;SharedAccessKeyName=root;SharedAccessKey=${k}`,
    (k: string) => `Server=db;User Id=app;Password=${k};`,
    (k: string) => `https://acct.example/resource?sv=2024&sig=${k}&se=2027`,
    (k: string) => `https://acct.example/resource?key=${k}`,
    (k: string) => `authorization: Bearer ${k}`,
    (k: string) => `{"client_secret":"${k}","grant_type":"client_credentials"}`,
    // A URL carries its password percent-encoded.
    (k: string) => `https://app:${encodeURIComponent(k)}@host.example/path`,
  ),
  fc.string({ maxLength: 20 }),
  fc.string({ maxLength: 20 }),
);

describe("log lines carry no secrets", () => {
  it("drops a key from a connection string in the message, a field or an error's stack", () => {
    fc.assert(
      fc.property(
        secretInText,
        fc.constantFrom("message", "field", "nested", "error", "cause"),
        ([key, shape, before, after], where) => {
          const text = `${before} ${shape(key)} ${after}`;
          const { lines, logger } = capture();
          if (where === "message") logger.error(`could not connect: ${text}`);
          if (where === "field") logger.warn("could not connect", { detail: text });
          if (where === "nested") logger.info("request", { request: { urls: [text] } });
          if (where === "error") logger.error("failed", { error: new Error(text) });
          if (where === "cause") {
            logger.error("failed", { error: new Error("outer", { cause: new TypeError(text) }) });
          }
          expect(lines).toHaveLength(1);
          const line = lines[0] as string;
          expect(line).not.toContain(key);
          expect(line).toContain("[redacted]");
          expect(() => JSON.parse(line)).not.toThrow();
        },
      ),
      { numRuns: 300 },
    );
  });

  it("replaces fields named like secrets at any depth", () => {
    fc.assert(
      fc.property(
        accountKey,
        fc.constantFrom(
          "password",
          "MicrosoftAppPassword",
          "COSMOS_KEY",
          "accountKey",
          "clientSecret",
          "access_token",
          "authorization",
          "connectionString",
          "cookie",
        ),
        fc.nat({ max: 4 }),
        (key, name, depth) => {
          let fields: Record<string, unknown> = { [name]: key };
          for (let n = 0; n < depth; n += 1) fields = { level: n, inner: fields };
          const { lines, logger } = capture();
          logger.info("configuration", fields);
          expect(lines[0]).not.toContain(key);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("keeps what is not secret: the message, ordinary fields and an outbox message's key", () => {
    const { lines, logger } = capture();
    logger.warn("a message could not be delivered", {
      key: "review:2026-Q3:CSC-01:form",
      status: 403,
    });
    expect(JSON.parse(lines[0] as string)).toMatchObject({
      level: "warn",
      message: "a message could not be delivered",
      key: "review:2026-Q3:CSC-01:form",
      status: 403,
    });
  });

  it("writes an error as {type, message, stack} inside one JSON line", () => {
    const { lines, logger } = capture();
    const error = new RangeError("quarter out of range");
    logger.error("a turn failed", { error });
    expect(lines).toHaveLength(1);
    expect(lines[0]).not.toContain("\n");
    const parsed = JSON.parse(lines[0] as string);
    expect(parsed.error).toEqual({
      type: "RangeError",
      message: "quarter out of range",
      stack: error.stack,
    });
    expect(parsed.error.stack.split("\n").length).toBeGreaterThan(1);
  });

  it("writes nothing below its level", () => {
    const lines: string[] = [];
    const logger = createLogger("warn", (line) => lines.push(line));
    logger.debug("d");
    logger.info("i");
    logger.warn("w");
    expect(lines.map((line) => JSON.parse(line).level)).toEqual(["warn"]);
  });

  it("drops a configured secret quoted verbatim, whatever its shape", () => {
    const password = "Zq8~plain.looking.secret-value";
    loadConfig({ MicrosoftAppPassword: password });
    const { lines, logger } = capture();
    logger.error(`token request failed: invalid client secret ${password} for app`);
    expect(lines[0]).not.toContain(password);
  });
});

describe("configuration errors quote no secrets", () => {
  it("says how to split a connection string pasted into COSMOS_ENDPOINT, without its key", () => {
    fc.assert(
      fc.property(accountKey, (key) => {
        const endpoint = `AccountEndpoint=https://acct.documents.azure.com:443/;AccountKey=${key};`;
        let message = "";
        try {
          loadConfig({ COSMOS_ENDPOINT: endpoint });
        } catch (error) {
          message = (error as Error).message;
        }
        expect(message).toContain(
          "COSMOS_ENDPOINT must be the account's https address (e.g. https://<account>.documents.azure.com:443/); it looks like a connection string: put the address in COSMOS_ENDPOINT and the key in COSMOS_KEY",
        );
        expect(message).not.toContain(key);
        expect(message).not.toContain("\n");
      }),
      { numRuns: 200 },
    );
  });

  it("quotes a bad address with its key part redacted", () => {
    expect(() =>
      loadConfig({
        COSMOS_ENDPOINT: "acct.documents.azure.com?key=abcdefghijklmnop",
        COSMOS_KEY: "k",
      }),
    ).toThrow(
      /^COSMOS_ENDPOINT must be the account's https URL.*\(got "acct\.documents\.azure\.com\?key=\[redacted\]"\)\.$/,
    );
  });

  it("the app package script quotes a bad PUBLIC_URL without its password or key", () => {
    expect(() =>
      packageSettingsFrom({
        MicrosoftAppId: "00000000-0000-0000-0000-000000000000",
        PUBLIC_URL: "http://deploy:hunter2-secret@plans.example/?key=abcdefghij",
      }),
    ).toThrow('(got "http://deploy:[redacted]@plans.example/?key=[redacted]")');
  });
});
