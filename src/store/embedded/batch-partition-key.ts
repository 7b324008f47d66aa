/**
 * Cosmos DB applies a transactional batch to the partition named in the request's partition key
 * header; the library's batch handler instead reads a partition key on each operation and fails
 * (after applying the earlier operations) when one is missing, which is how the SDK sends upserts,
 * replaces, reads and deletes. Copying the header onto each operation that lacks one gives batches
 * the meaning they have in Cosmos DB.
 */
import type { IncomingMessage } from "node:http";
import { Readable } from "node:stream";

const isTrue = (value: string | string[] | undefined) =>
  [value].flat().some((item) => item?.toLowerCase() === "true");

export async function withBatchPartitionKeys(req: IncomingMessage): Promise<IncomingMessage> {
  const partitionKey = req.headers["x-ms-documentdb-partitionkey"];
  const isBatch = req.method === "POST" && isTrue(req.headers["x-ms-cosmos-is-batch-request"]);
  if (!isBatch || typeof partitionKey !== "string") return req;
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const raw = Buffer.concat(chunks);
  let body = raw;
  try {
    const operations: unknown = JSON.parse(raw.toString("utf8"));
    if (Array.isArray(operations)) {
      const filled = operations.map((operation) =>
        typeof operation === "object" && operation !== null && !("partitionKey" in operation)
          ? { ...operation, partitionKey }
          : operation,
      );
      body = Buffer.from(JSON.stringify(filled), "utf8");
    }
  } catch {
    // Not JSON: the library's handler answers it with its own error.
  }
  // The handlers read the request's body, headers, method and url; nothing else.
  const replacement = Readable.from([body], { objectMode: false });
  return Object.assign(replacement, {
    headers: req.headers,
    method: req.method,
    url: req.url,
  }) as unknown as IncomingMessage;
}
