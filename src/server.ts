import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { type HttpHandler, Router, sendJson } from "./http/router.ts";
import type { Logger } from "./logger.ts";
import type { Store } from "./store/store.ts";

export interface HttpServerOptions {
  port: number;
  store: Store;
  logger: Logger;
  /** Features add their routes here (the bot endpoint, the tab, its API). */
  routes?: (router: Router) => void;
}

export interface RunningHttpServer {
  server: Server;
  port: number;
  close(): Promise<void>;
}

/** The product's one HTTP server: health, the bot endpoint, the tab and its API. */
export async function startHttpServer(o: HttpServerOptions): Promise<RunningHttpServer> {
  const router = new Router();
  router.on("GET", "/healthz", healthz(o.store));
  o.routes?.(router);

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    const found = router.match(req.method ?? "GET", url.pathname);
    if (!found) {
      sendJson(res, 404, { error: "not_found", message: `Nothing at ${url.pathname}.` });
      return;
    }
    Promise.resolve(found.handler({ req, res, url, params: found.params })).catch(
      (error: unknown) => {
        o.logger.error("request failed", { path: url.pathname, error: String(error) });
        if (!res.headersSent)
          sendJson(res, 500, { error: "internal", message: "Something went wrong." });
        else res.end();
      },
    );
  });
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(o.port, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    server,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function healthz(store: Store): HttpHandler {
  return async ({ res }) => {
    try {
      await withTimeout(store.ping(), 2_000);
      sendJson(res, 200, { status: "ok" });
    } catch {
      sendJson(res, 503, { status: "unavailable", message: "The plan store is not answering." });
    }
  };
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("timed out")), ms);
    promise.then(
      (v) => {
        clearTimeout(timer);
        resolve(v);
      },
      (e) => {
        clearTimeout(timer);
        reject(e);
      },
    );
  });
}
