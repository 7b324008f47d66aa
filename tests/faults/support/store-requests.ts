import type { IncomingMessage } from "node:http";

/** The user agent suffix of clients a test or benchmark uses to look and set up, not counted. */
export const HARNESS_AGENT = "plan-tracker-harness";

/**
 * Counts the requests that reach the embedded store, by what they do ("query outbox", "replace
 * updates"): a Cosmos round trip is one HTTP request to the store, whatever the SDK calls it.
 * Requests from the harness's own client (user agent ending in `HARNESS_AGENT`) are not counted.
 */
export class StoreRequests {
  total = 0;
  readonly byKind = new Map<string, number>();
  /** When set, each counted request is also noted here with its arrival time (for tracing). */
  trace: Array<{ at: number; kind: string }> | null = null;

  /** The embedded store's `onRequest` hook. */
  readonly record = (req: IncomingMessage): void => {
    if (String(req.headers["user-agent"] ?? "").includes(HARNESS_AGENT)) return;
    this.total += 1;
    const kind = describeRequest(req);
    this.trace?.push({ at: performance.now(), kind });
    this.byKind.set(kind, (this.byKind.get(kind) ?? 0) + 1);
  };

  snapshot(): StoreRequestCount {
    return { total: this.total, byKind: Object.fromEntries(this.byKind) };
  }
}

export interface StoreRequestCount {
  total: number;
  byKind: Record<string, number>;
}

/** What happened between two snapshots. */
export function requestsBetween(
  before: StoreRequestCount,
  after: StoreRequestCount,
): StoreRequestCount {
  const byKind: Record<string, number> = {};
  for (const [kind, n] of Object.entries(after.byKind)) {
    const added = n - (before.byKind[kind] ?? 0);
    if (added > 0) byKind[kind] = added;
  }
  return { total: after.total - before.total, byKind };
}

/** "query outbox", "create audit", "read people", "batch actions", "read database"… */
export function describeRequest(req: Pick<IncomingMessage, "method" | "url" | "headers">): string {
  const parts = (req.url ?? "/").split("?")[0]?.split("/").filter(Boolean) ?? [];
  const container = parts[2] === "colls" ? parts[3] : undefined;
  const onDocs = parts[4] === "docs";
  const header = (name: string) => String(req.headers[name] ?? "").toLowerCase();
  let verb: string;
  // A cross-partition query costs two requests: the plan, then the query itself.
  if (header("x-ms-cosmos-is-query-plan-request") === "true") verb = "query plan";
  else if (header("x-ms-documentdb-isquery") === "true") verb = "query";
  else if (header("x-ms-cosmos-is-batch-request") === "true") verb = "batch";
  else if (req.method === "POST" && header("x-ms-documentdb-is-upsert") === "true") verb = "upsert";
  else if (req.method === "POST") verb = "create";
  else if (req.method === "PUT") verb = "replace";
  else if (req.method === "DELETE") verb = "delete";
  else verb = "read";
  if (container && onDocs) return `${verb} ${container}`;
  if (container) return `${verb} container ${container}`;
  if (parts[0] === "dbs") return `${verb} database`;
  return `${verb} account`;
}
