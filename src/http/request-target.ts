import type { IncomingMessage } from "node:http";

/**
 * True when the request line names something this server can route. Node's parser lets through
 * targets such as `http://[` or a port past 65535; a URL parser throws on them, so they are
 * refused before any routing.
 */
export function hasUsableTarget(req: IncomingMessage): boolean {
  const target = req.url ?? "";
  if (target === "") return false;
  try {
    new URL(target, "http://localhost");
    return true;
  } catch {
    return false;
  }
}
