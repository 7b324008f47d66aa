import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { type CryptoKey, exportJWK, generateKeyPair, type JWTPayload, SignJWT } from "jose";

export const TENANT = "3f3d1cea-7a18-41af-872b-cfbbd5140984";
export const APP_ID = "6a1b2c3d-1111-2222-3333-444455556666";
export const PUBLIC_URL = "https://plans.example.gov.uk";

export interface SsoClaims extends JWTPayload {
  /** Seconds from now until expiry; negative for a token that has already expired. */
  expiresIn?: number;
}

/**
 * A local stand-in for Entra ID as the tab's API sees it: a JWKS endpoint, and a signer for the
 * SSO tokens Teams hands the tab from `authentication.getAuthToken`.
 */
export class EntraStandIn {
  readonly issuerV2 = `https://login.microsoftonline.com/${TENANT}/v2.0`;
  readonly issuerV1 = `https://sts.windows.net/${TENANT}/`;
  readonly keyId = "entra-test-key";

  private constructor(
    private readonly server: Server,
    readonly jwksUrl: string,
    private readonly key: CryptoKey,
  ) {}

  static async start(): Promise<EntraStandIn> {
    const { publicKey, privateKey } = await generateKeyPair("RS256", { extractable: true });
    const jwk = {
      ...(await exportJWK(publicKey)),
      kid: "entra-test-key",
      use: "sig",
      alg: "RS256",
    };
    const server = createServer((req, res) => {
      if (req.url !== "/discovery/v2.0/keys") return void res.writeHead(404).end();
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ keys: [jwk] }));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    return new EntraStandIn(server, `http://127.0.0.1:${port}/discovery/v2.0/keys`, privateKey);
  }

  /** The settings that make the tab's API trust this stand-in and nothing else. */
  env(): Record<string, string> {
    return {
      MicrosoftAppId: APP_ID,
      MicrosoftAppPassword: "not-a-real-secret",
      MicrosoftAppTenantId: TENANT,
      MicrosoftAppType: "SingleTenant",
      PUBLIC_URL,
      TAB_SSO_JWKS_URL: this.jwksUrl,
      TAB_SSO_ISSUER: `${this.issuerV2},${this.issuerV1}`,
    };
  }

  /** A v2.0 token for the app, as Teams SSO gives one for `email`. */
  tokenFor(email: string, claims: SsoClaims = {}): Promise<string> {
    return this.sign({
      aud: APP_ID,
      iss: this.issuerV2,
      preferred_username: email,
      name: "Test User",
      tid: TENANT,
      ...claims,
    });
  }

  sign(claims: SsoClaims): Promise<string> {
    return signWith(this.key, this.keyId, claims);
  }

  /** Signed by a key of our own making under the real key's id: a forgery. */
  async forged(claims: SsoClaims): Promise<string> {
    const { privateKey } = await generateKeyPair("RS256");
    return signWith(privateKey, this.keyId, claims);
  }

  /** `alg: none`: the claims with no signature. */
  unsigned(claims: SsoClaims): string {
    const now = Math.floor(Date.now() / 1000);
    const part = (value: object) => Buffer.from(JSON.stringify(value)).toString("base64url");
    const { expiresIn = 3600, ...rest } = claims;
    return `${part({ alg: "none", typ: "JWT", kid: this.keyId })}.${part({ ...rest, nbf: now - 60, exp: now + expiresIn })}.`;
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

async function signWith(key: CryptoKey, keyId: string, claims: SsoClaims): Promise<string> {
  const { expiresIn = 3600, ...payload } = claims;
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT(payload)
    .setProtectedHeader({ alg: "RS256", kid: keyId, typ: "JWT" })
    .setIssuedAt(now - 120)
    .setNotBefore(now - 120)
    .setExpirationTime(now + expiresIn)
    .sign(key);
}
