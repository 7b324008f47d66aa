import type { IncomingMessage, ServerResponse } from "node:http";

export interface HttpContext {
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  params: Record<string, string>;
}

export type HttpHandler = (ctx: HttpContext) => Promise<void> | void;

interface Route {
  method: string;
  pattern: RegExp;
  keys: string[];
  handler: HttpHandler;
}

/** A small router: `/api/actions/:ref` style patterns; a trailing `*` matches the rest of the path. */
export class Router {
  private readonly routes: Route[] = [];

  on(method: string, path: string, handler: HttpHandler): this {
    const keys: string[] = [];
    const source = path
      .split("/")
      .map((part) => {
        if (part === "*") return ".*";
        if (part.startsWith(":")) {
          keys.push(part.slice(1));
          return "([^/]+)";
        }
        return part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
      })
      .join("/");
    this.routes.push({ method, pattern: new RegExp(`^${source}/?$`), keys, handler });
    return this;
  }

  match(
    method: string,
    pathname: string,
  ): { handler: HttpHandler; params: Record<string, string> } | null {
    for (const route of this.routes) {
      if (route.method !== method && !(route.method === "GET" && method === "HEAD")) continue;
      const m = route.pattern.exec(pathname);
      if (!m) continue;
      const params: Record<string, string> = {};
      route.keys.forEach((key, i) => {
        params[key] = decodeURIComponent(m[i + 1] ?? "");
      });
      return { handler: route.handler, params };
    }
    return null;
  }
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    "content-type": "application/json; charset=utf-8",
    "cache-control": "no-store",
  });
  res.end(text);
}

/** Reads a request body up to `limit` bytes; larger bodies are refused rather than buffered. */
/** How far past the limit a body is still read (and dropped) so that its sender gets the answer. */
const DRAIN_FACTOR = 8;

export async function readBody(req: IncomingMessage, limit = 1_000_000): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size <= limit) chunks.push(chunk as Buffer);
    // Stopping mid-body would cut the connection and the sender would see a reset, not the 413;
    // a body far past the limit is cut off all the same.
    else if (size > limit * DRAIN_FACTOR) throw new BodyTooLargeError(limit);
  }
  if (size > limit) throw new BodyTooLargeError(limit);
  return Buffer.concat(chunks);
}

export class BodyTooLargeError extends Error {
  constructor(readonly limit: number) {
    super(`Request body is larger than ${limit} bytes.`);
  }
}
