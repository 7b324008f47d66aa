import type { Container, JSONObject, OperationResponse } from "@azure/cosmos";
import { isAcknowledged } from "./bulk-upsert.ts";

/**
 * Creates up to 100 documents, each in its own partition if need be, with one bulk request (the
 * SDK sends one request per partition key range, several only for a body over its size limit), and
 * says for each whether the store acknowledged it.
 *
 * Why `items.bulk` and not the newer `executeBulkOperations`: the newer one paces its requests
 * for throughput, and always waits at least a second for stragglers before it returns; here every
 * call is already one full request, so that second would be most of an import's time. What the
 * newer one adds, retrying an operation that was throttled, the caller does instead by writing
 * every unacknowledged document again one by one, through the SDK's retry policy.
 */
export async function createInOneBulk(
  container: Container,
  documents: readonly { document: object; partitionKey: string }[],
): Promise<boolean[]> {
  let results: OperationResponse[] | undefined;
  try {
    results = await container.items.bulk(
      documents.map(({ document, partitionKey }) => ({
        operationType: "Create" as const,
        partitionKey,
        resourceBody: document as JSONObject,
      })),
    );
  } catch {
    // Reported below as "nothing acknowledged"; the one-by-one writes surface the store's reason.
  }
  return documents.map((_, index) => isAcknowledged(results?.[index]));
}
