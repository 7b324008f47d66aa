import { readFileSync } from "node:fs";
import { createServer as createHttpServer, type Server as HttpServer } from "node:http";
import { createServer, type Server } from "node:https";
import type { AddressInfo } from "node:net";
import { gunzipSync } from "node:zlib";
import { libraryCertificatePaths } from "../../src/store/embedded/library.ts";

/**
 * A stand-in for Application Insights' ingestion endpoint on 127.0.0.1: it takes the envelopes the
 * exporter POSTs to `/v2.1/track` (JSON, possibly gzipped) and answers as ingestion does. The
 * exporter always upgrades its endpoint to https, so this serves TLS with the embedded store
 * library's self-signed certificate; the app under test must be told to accept it.
 *
 * It also refuses, as an HTTP proxy, whatever the SDK would send elsewhere (its settings service),
 * so a test that points HTTPS_PROXY at `proxyUrl` sends nothing off this machine.
 */

export interface Envelope {
  name: string;
  iKey?: string;
  tags?: Record<string, string>;
  data?: { baseType?: string; baseData?: Record<string, unknown> };
  [field: string]: unknown;
}

export class StandInIngestion {
  readonly envelopes: Envelope[] = [];
  /** The raw bodies as received (after gunzip), to look for anything that must not be there. */
  readonly bodies: string[] = [];
  /** Hosts something asked the proxy to reach. */
  readonly refusedProxyTargets: string[] = [];
  /** When set, every POST is answered with this status and nothing is kept (ingestion down). */
  failWith: number | undefined;

  private constructor(
    private readonly server: Server,
    private readonly proxy: HttpServer,
  ) {}

  static async start(): Promise<StandInIngestion> {
    const certificate = libraryCertificatePaths();
    let self!: StandInIngestion;
    const server = createServer(
      { cert: readFileSync(certificate.cert), key: readFileSync(certificate.key) },
      (req, res) => {
        const chunks: Buffer[] = [];
        req.on("data", (chunk: Buffer) => chunks.push(chunk));
        req.on("end", () => {
          if (req.method !== "POST" || !req.url?.startsWith("/v2.1/track")) {
            res.writeHead(404).end();
            return;
          }
          if (self.failWith !== undefined) {
            res.writeHead(self.failWith).end();
            return;
          }
          const raw = Buffer.concat(chunks);
          const body = (
            req.headers["content-encoding"] === "gzip" ? gunzipSync(raw) : raw
          ).toString();
          self.bodies.push(body);
          const received = parseEnvelopes(body);
          self.envelopes.push(...received);
          res.writeHead(200, { "content-type": "application/json" });
          res.end(
            JSON.stringify({
              itemsReceived: received.length,
              itemsAccepted: received.length,
              errors: [],
            }),
          );
        });
      },
    );
    const proxy = createHttpServer((_req, res) => res.writeHead(403).end());
    proxy.on("connect", (req, socket) => {
      self.refusedProxyTargets.push(String(req.url));
      socket.end("HTTP/1.1 403 Forbidden\r\n\r\n");
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    await new Promise<void>((resolve) => proxy.listen(0, "127.0.0.1", resolve));
    self = new StandInIngestion(server, proxy);
    return self;
  }

  get url(): string {
    return `https://127.0.0.1:${(this.server.address() as AddressInfo).port}/`;
  }

  get proxyUrl(): string {
    return `http://127.0.0.1:${(this.proxy.address() as AddressInfo).port}`;
  }

  /** A connection string for this stand-in, as the portal shows one. */
  connectionString(instrumentationKey: string): string {
    return `InstrumentationKey=${instrumentationKey};IngestionEndpoint=${this.url};LiveEndpoint=${this.url}`;
  }

  /**
   * The connection string and what else `serve` needs only because it is under test, each for a
   * reason the SDK gives it.
   */
  serveEnvironment(instrumentationKey: string): Record<string, string> {
    return {
      APPLICATIONINSIGHTS_CONNECTION_STRING: this.connectionString(instrumentationKey),
      // The exporter always upgrades the endpoint to https; this certificate is self-signed.
      NODE_TLS_REJECT_UNAUTHORIZED: "0",
      // Off Azure the SDK asks the Azure VM metadata address who it is; on App Service it does
      // not. The server is told it is on App Service, as production is, so nothing leaves here.
      WEBSITE_SITE_NAME: "plantrk-test",
      // The SDK polls a settings service of Microsoft's; the proxy here refuses it.
      HTTPS_PROXY: this.proxyUrl,
      NO_PROXY: "127.0.0.1,localhost",
    };
  }

  ofType(baseType: string): Envelope[] {
    return this.envelopes.filter((e) => e.data?.baseType === baseType);
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    this.proxy.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
    await new Promise<void>((resolve) => this.proxy.close(() => resolve()));
  }
}

/** A JSON array, or one envelope per line. */
function parseEnvelopes(body: string): Envelope[] {
  const trimmed = body.trim();
  if (trimmed.startsWith("[")) return JSON.parse(trimmed) as Envelope[];
  return trimmed
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => JSON.parse(line) as Envelope);
}
