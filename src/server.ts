import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { RequestHandler, Router } from "express";
import { answerAfterBody } from "./http/answer-after-body.ts";
import { createHttpApp } from "./http/create-http-app.ts";
import { INTERNAL_ERROR } from "./http/error-handler.ts";
import type { Readiness } from "./http/readiness.ts";
import { hasUsableTarget } from "./http/request-target.ts";
import { sendJson } from "./http/send-json.ts";
import type { Logger } from "./logger.ts";
import type { Store } from "./store/store.ts";

export interface HttpServerOptions {
  port: number;
  /** The interface to listen on; unset: all of them. */
  host?: string;
  store: Store;
  logger: Logger;
  /** Start-up and shutdown as `/readyz` reports them; without it, ready whenever the store answers. */
  readiness?: Readiness;
  /** Features add their routes here (the bot endpoint, the tab, its API). */
  routes?: (router: Router) => void;
}

export interface RunningHttpServer {
  server: Server;
  port: number;
  /** The address the socket is bound to, as the system reports it. */
  host: string;
  close(): Promise<void>;
}

/** The product's one HTTP server: health, the bot endpoint, the tab and its API. */
export async function startHttpServer(o: HttpServerOptions): Promise<RunningHttpServer> {
  const app = createHttpApp({
    logger: o.logger,
    routes: (router) => {
      router.get("/healthz", healthz(o.store));
      router.get("/readyz", readyz(o.store, o.readiness));
      o.routes?.(router);
    },
  });
  const server = createServer((req, res) => {
    answerAfterBody(req, res);
    // Nothing a client sends may throw outside a catch: that would stop the whole process.
    if (!hasUsableTarget(req)) {
      sendJson(res, 400, {
        error: "bad_url",
        message: "The request line does not name a valid address.",
      });
      return;
    }
    try {
      app(req, res);
    } catch (error) {
      o.logger.error("request failed", { error: String(error) });
      if (!res.headersSent) sendJson(res, 500, INTERNAL_ERROR);
      else res.destroy();
    }
  });
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen({ port: o.port, host: o.host }, () => resolve());
  });
  const address = server.address() as AddressInfo;
  return {
    server,
    port: address.port,
    host: address.address,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function healthz(store: Store): RequestHandler {
  return async (_req, res) => {
    try {
      await withTimeout(store.ping(), 2_000);
      sendJson(res, 200, { status: "ok" });
    } catch {
      sendJson(res, 503, { status: "unavailable", message: "The plan store is not answering." });
    }
  };
}

/** For the platform's health check: 200 only when started, not stopping, and the store answers. */
function readyz(store: Store, readiness: Readiness | undefined): RequestHandler {
  return async (_req, res) => {
    const reason = readiness?.notReadyReason();
    if (reason) {
      sendJson(res, 503, { status: "not_ready", message: reason });
      return;
    }
    try {
      await withTimeout(store.ping(), 2_000);
      sendJson(res, 200, { status: "ready" });
    } catch {
      sendJson(res, 503, {
        status: "not_ready",
        message: "The plan store is not answering; this instance will be ready when it does.",
      });
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
