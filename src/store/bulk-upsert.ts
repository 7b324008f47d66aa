import type { Container, JSONObject, OperationResponse } from "@azure/cosmos";
import { isWritten } from "./bulk-create.ts";

/**
 * Upserts up to 100 documents of one partition in one transactional batch and says, for each
 * document, whether the store acknowledged it.
 *
 * Azure Cosmos DB applies a batch all or nothing (a failed one answers 207 with the failing
 * operation's status and 424 for the rest), and so does the embedded store. Reading each
 * operation's own status: whatever is not acknowledged is reported as not written, and the caller
 * writes it again one by one. A request
 * that fails as a whole (throttled past the SDK's retries, timed out) reports every document as not
 * written; upserts are safe to repeat, so a batch that did land before its answer was lost is not
 * harmed by the second write.
 */
export async function upsertInOneBatch(
  container: Container,
  partitionKey: string,
  documents: readonly object[],
): Promise<boolean[]> {
  let results: OperationResponse[] | undefined;
  try {
    const response = await container.items.batch(
      documents.map((document) => ({
        operationType: "Upsert" as const,
        resourceBody: document as JSONObject,
      })),
      partitionKey,
    );
    results = response.result;
  } catch {
    // Reported below as "nothing acknowledged"; the one-by-one writes surface the store's reason.
  }
  return documents.map((_, index) => isWritten(results?.[index]?.statusCode ?? null));
}
