import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";

export interface IdentityRequest {
  url: URL;
  headers: IncomingHttpHeaders;
}

export interface StandInIdentityEndpoint {
  /** What App Service puts in IDENTITY_ENDPOINT. */
  endpoint: string;
  requests: IdentityRequest[];
  close(): Promise<void>;
}

/**
 * App Service's local managed-identity endpoint (IDENTITY_ENDPOINT, api-version 2019-08-01) on
 * localhost: the real ManagedIdentityCredential asks it for tokens, so nothing reaches Azure.
 * Each identity's token is `token-for-<client id>`; the client ids in `unknown` are answered as App
 * Service answers for an identity the web app does not have. One endpoint serves a whole test file,
 * because the credential library remembers the endpoint it found for the life of the process.
 */
export async function startStandInIdentityEndpoint(o: {
  unknown: readonly string[];
}): Promise<StandInIdentityEndpoint> {
  const requests: IdentityRequest[] = [];
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    requests.push({ url, headers: req.headers });
    res.setHeader("content-type", "application/json");
    const clientId = url.searchParams.get("client_id") ?? "system-assigned";
    if (o.unknown.includes(clientId)) {
      res.statusCode = 400;
      res.end(
        JSON.stringify({
          statusCode: 400,
          message: "No User Assigned or Delegated Managed Identity found for specified ClientId.",
        }),
      );
      return;
    }
    res.end(
      JSON.stringify({
        access_token: `token-for-${clientId}`,
        expires_on: String(Math.floor(Date.now() / 1000) + 3600),
        resource: url.searchParams.get("resource"),
        token_type: "Bearer",
        client_id: clientId,
      }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}/msi/token`,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
