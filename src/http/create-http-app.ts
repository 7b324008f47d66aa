import express, { type Express, type Router } from "express";
import type { Logger } from "../logger.ts";
import { errorHandler, notFound } from "./error-handler.ts";
import { securityHeaders } from "./security-headers.ts";

export interface HttpAppOptions {
  logger: Logger;
  /** Features add their routes here (health, the bot endpoint, the tab, its API). */
  routes: (router: Router) => void;
}

/**
 * The product's one express app: security headers on every answer, the features' routes, a JSON
 * 404 for everything else, and one error handler. Routes are case-sensitive and `/tab/` is `/tab`.
 */
export function createHttpApp(o: HttpAppOptions): Express {
  const app = express();
  app.disable("x-powered-by");
  // Answers are small and mostly `no-store`; an ETag would only cost a hash of each.
  app.set("etag", false);
  app.use(securityHeaders());
  const router = express.Router({ caseSensitive: true });
  o.routes(router);
  app.use(router);
  app.use(notFound);
  app.use(errorHandler(o.logger));
  return app;
}
