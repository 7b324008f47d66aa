import type { Request, RequestHandler, Response } from "express";

/** What a route's handler is given: the request, the response, its address and its named parts. */
export interface HttpContext {
  req: Request;
  res: Response;
  url: URL;
  params: Record<string, string>;
}

export type HttpHandler = (ctx: HttpContext) => Promise<void> | void;

/**
 * An express handler from an HttpHandler. Express has already decoded the params (a bad
 * percent-encoding never gets here: it is a 400) and forwards a rejected promise to the one error
 * handler.
 */
export function handle(handler: HttpHandler): RequestHandler {
  return async (req, res) => {
    const url = new URL(req.originalUrl, "http://localhost");
    await handler({ req, res, url, params: { ...req.params } as Record<string, string> });
  };
}
