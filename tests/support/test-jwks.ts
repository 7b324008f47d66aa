import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { type CryptoKey, exportJWK, generateKeyPair, type JWK, SignJWT } from "jose";

/**
 * A local stand-in for the Bot Framework's token issuer: OpenID metadata and a key set (RS256,
 * endorsed for "msteams" as the real keys are), and a signer for the tokens Teams would send.
 * Point botbuilder at it with `ToBotFromChannelOpenIdMetadataUrl` and `ToBotFromChannelTokenIssuer`.
 */
export interface TokenClaims {
  aud?: string;
  iss?: string;
  serviceurl?: string;
  /** Seconds from now; negative for a token that has already expired. */
  expiresIn?: number;
}

export class TestJwks {
  readonly issuer = "https://api.botframework.test";

  private constructor(
    private readonly server: Server,
    readonly metadataUrl: string,
    private readonly key: CryptoKey,
    readonly keyId: string,
  ) {}

  static async start(): Promise<TestJwks> {
    const { publicKey, privateKey } = await generateKeyPair("RS256", { extractable: true });
    const jwk: JWK = {
      ...(await exportJWK(publicKey)),
      kid: "plan-tracker-test-key",
      use: "sig",
      alg: "RS256",
    };
    let jwks!: TestJwks;
    const server = createServer((req, res) => {
      const base = jwks.metadataUrl.replace(/\/\.well-known\/.*$/, "");
      if (req.url === "/.well-known/openid-configuration") {
        res.writeHead(200, { "content-type": "application/json" });
        res.end(
          JSON.stringify({
            issuer: jwks.issuer,
            jwks_uri: `${base}/keys`,
            id_token_signing_alg_values_supported: ["RS256"],
          }),
        );
      } else if (req.url === "/keys") {
        res.writeHead(200, { "content-type": "application/json" });
        res.end(JSON.stringify({ keys: [{ ...jwk, endorsements: ["msteams"] }] }));
      } else {
        res.writeHead(404).end();
      }
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    jwks = new TestJwks(
      server,
      `http://127.0.0.1:${port}/.well-known/openid-configuration`,
      privateKey,
      jwk.kid as string,
    );
    return jwks;
  }

  /** botbuilder settings that make the bot trust this issuer and nothing else. */
  botSettings(appId: string): Record<string, string> {
    return {
      MicrosoftAppId: appId,
      MicrosoftAppPassword: "not-a-real-secret",
      MicrosoftAppTenantId: "3f3d1cea-7a18-41af-872b-cfbbd5140984",
      MicrosoftAppType: "SingleTenant",
      ToBotFromChannelOpenIdMetadataUrl: this.metadataUrl,
      ToBotFromChannelTokenIssuer: this.issuer,
    };
  }

  /** A token as the Bot Framework signs it for a Teams activity. */
  async sign(claims: TokenClaims & { aud: string }): Promise<string> {
    return signWith(this.key, this.keyId, { iss: this.issuer, ...claims });
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

/** A token signed by a key of our own making, under the real key's id: a forgery. */
export async function forgedToken(
  keyId: string,
  claims: TokenClaims & { aud: string; iss: string },
) {
  const { privateKey } = await generateKeyPair("RS256");
  return signWith(privateKey, keyId, claims);
}

/** `alg: none`: claims with no signature at all. */
export function unsignedToken(
  keyId: string,
  claims: TokenClaims & { aud: string; iss: string },
): string {
  const now = Math.floor(Date.now() / 1000);
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString("base64url");
  const { expiresIn = 3600, ...rest } = claims;
  return `${part({ alg: "none", typ: "JWT", kid: keyId })}.${part({ ...rest, nbf: now - 60, exp: now + expiresIn })}.`;
}

async function signWith(key: CryptoKey, keyId: string, claims: TokenClaims): Promise<string> {
  const { expiresIn = 3600, ...payload } = claims;
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ ...payload })
    .setProtectedHeader({ alg: "RS256", kid: keyId, typ: "JWT" })
    .setIssuedAt(now - 120)
    .setNotBefore(now - 120)
    .setExpirationTime(now + expiresIn)
    .sign(key);
}
