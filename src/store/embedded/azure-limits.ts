/**
 * Holds every document request to Azure Cosmos DB's rules before the library answers it (see
 * azure-rules.ts): what Azure would refuse, the embedded store refuses with Azure's status, so a
 * test that passes here cannot fail for these reasons on Azure. Each call is also reported to
 * whoever watches (store-calls.ts).
 */
import type { IncomingMessage } from "node:http";
import { Readable } from "node:stream";
import type { IndexingPolicy } from "@azure/cosmos";
import type { AtomicBatch } from "./atomic-batch.ts";
import {
  type BatchOperation,
  checkBatch,
  checkBulk,
  checkDocumentPartition,
  checkItem,
  checkOrderBy,
  checkPointOperation,
  headerPartitionKey,
  type Refusal,
} from "./azure-rules.ts";
import type { CosmosAccount } from "./library.ts";
import { reportStoreCall, type StoreCall } from "./store-calls.ts";

const DOCS = /^\/dbs\/([^/]+)\/colls\/([^/]+)\/docs(?:\/([^/]+))?\/?$/;

const isTrue = (value: string | string[] | undefined) =>
  [value].flat().some((item) => item?.toLowerCase() === "true");

const header = (req: IncomingMessage, name: string): string | undefined => {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
};

/** A query, or the SDK asking how the gateway would plan one (the same SQL, checked the same way). */
const isQuery = (req: IncomingMessage): boolean =>
  isTrue(req.headers["x-ms-documentdb-isquery"]) ||
  isTrue(req.headers["x-ms-cosmos-is-query-plan-request"]) ||
  header(req, "content-type")?.startsWith("application/query+json") === true;

export type Checked =
  | { refusal: Refusal }
  /** `batch`: a transactional batch, which the store must apply all or nothing. */
  | { req: IncomingMessage; batch?: AtomicBatch };

/** Refuses what Azure would refuse; otherwise hands back a request the library can read. */
export async function checkAzureLimits(
  account: CosmosAccount,
  req: IncomingMessage,
): Promise<Checked> {
  const url = new URL(req.url ?? "/", "https://store");
  const route = DOCS.exec(url.pathname);
  if (!route) return { req };
  const [, dbId = "", collId = "", docId] = route.map((part) => part && decodeURIComponent(part));
  const collection = readCollection(account, dbId, collId);
  const partitionPath = collection?.partitionKey?.paths?.[0];
  const partitionKey = headerPartitionKey(header(req, "x-ms-documentdb-partitionkey"));
  const method = req.method ?? "GET";
  const hasBody = method === "POST" || method === "PUT";
  const raw = hasBody ? await readBody(req) : Buffer.alloc(0);
  const body = hasBody ? parseJson(raw) : undefined;
  let batch: AtomicBatch | undefined;
  const call: StoreCall = {
    kind: "point",
    method,
    container: collId,
    bytes: raw.length,
    partitionKey,
    ids: [],
    refusal: null,
  };

  if (docId !== undefined) {
    // A read, replace, patch or delete of one item: Azure finds it only by id and partition key.
    call.kind = method === "GET" ? "point" : "write";
    call.ids = [docId];
    call.refusal =
      checkPointOperation(partitionKey) ??
      (method === "PUT"
        ? (checkItem(body) ?? checkDocumentPartition(body, partitionKey, partitionPath))
        : null);
  } else if (method === "POST" && isQuery(req)) {
    call.kind = "query";
    call.sql =
      typeof body === "object" && body !== null
        ? String((body as { query?: unknown }).query ?? "")
        : "";
    call.refusal = checkOrderBy(call.sql, collection?.indexingPolicy);
  } else if (method === "POST" && isTrue(req.headers["x-ms-cosmos-is-batch-request"])) {
    const operations = (Array.isArray(body) ? body : []) as BatchOperation[];
    const atomic = header(req, "x-ms-cosmos-batch-atomic")?.toLowerCase() !== "false";
    call.kind = atomic ? "batch" : "bulk";
    call.operations = operations.length;
    call.ids = operations.map((operation) => operation.id ?? idOf(operation.resourceBody));
    call.refusal = atomic
      ? checkBatch(operations, raw.length, partitionKey, partitionPath)
      : checkBulk(operations);
    if (atomic && partitionKey) {
      batch = { dbId, collId, operations, partitionKey, partitionPath };
    }
  } else if (method === "POST") {
    call.kind = "write";
    call.ids = [idOf(body)];
    call.refusal = checkItem(body) ?? checkDocumentPartition(body, partitionKey, partitionPath);
  }
  reportStoreCall(call);
  if (call.refusal) return { refusal: call.refusal };
  return { req: hasBody ? replay(req, raw) : req, batch };
}

/** Is this a request for documents (the kind Azure meters, and so the kind it throttles)? */
export const isDocumentRequest = (req: IncomingMessage): boolean =>
  DOCS.test(new URL(req.url ?? "/", "https://store").pathname);

interface CollectionResource {
  partitionKey?: { paths?: string[] };
  indexingPolicy?: IndexingPolicy;
}

function readCollection(
  account: CosmosAccount,
  dbId: string,
  collId: string,
): CollectionResource | undefined {
  try {
    return account.database(dbId).collection(collId).read() as CollectionResource | undefined;
  } catch {
    // No such database: the library answers 404 itself.
    return undefined;
  }
}

const idOf = (document: unknown): unknown =>
  typeof document === "object" && document !== null ? (document as { id?: unknown }).id : undefined;

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function parseJson(raw: Buffer): unknown {
  try {
    return JSON.parse(raw.toString("utf8"));
  } catch {
    // Not JSON: the library's handler answers it with its own error.
    return undefined;
  }
}

/** The same request with its body readable again (the handlers read body, headers, method, url). */
function replay(req: IncomingMessage, body: Buffer): IncomingMessage {
  return Object.assign(Readable.from([body], { objectMode: false }), {
    headers: req.headers,
    method: req.method,
    url: req.url,
  }) as unknown as IncomingMessage;
}
