import type { Container, JSONObject, OperationResponse } from "@azure/cosmos";

/**
 * Creates up to 100 documents, each in its own partition if need be, with one bulk request (the
 * SDK sends one request per partition key range, several only for a body over its size limit), and
 * gives each document's status: 201 created, 409 one with that id exists, another code for a
 * failed operation, null when the request as a whole got no answer.
 *
 * Why `items.bulk` and not the newer `executeBulkOperations`: the newer one paces its requests
 * for throughput, and always waits at least a second for stragglers before it returns; here every
 * call is already one full request, so that second would be most of an import's time. What the
 * newer one adds, retrying an operation that was throttled, the caller does instead by writing
 * every unsettled document again one by one, through the SDK's retry policy.
 */
export async function createInOneBulk(
  container: Container,
  documents: readonly { document: object; partitionKey: string }[],
): Promise<(number | null)[]> {
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
    // Reported as "no answer"; the one-by-one writes surface the store's reason.
  }
  return documents.map((_, index) => results?.[index]?.statusCode ?? null);
}

/** A 2xx status: the store has the document (created, upserted, replaced). */
export const isWritten = (status: number | null): boolean =>
  status !== null && status >= 200 && status <= 299;
