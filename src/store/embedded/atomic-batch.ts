/**
 * Azure Cosmos DB applies a transactional batch all or nothing: when one operation fails, none of
 * the others is applied, the failing one answers with its own status, every other with 424, and
 * the batch as a whole with 207. The library applies operations in order and keeps the ones before
 * a failure. This remembers what each operation's document was before the batch and, when the
 * batch fails, puts every document back (a restore is journaled like any change, so a restart
 * replays to the same state) and answers as Azure does.
 */
import type { ServerResponse } from "node:http";
import type { BatchOperation } from "./azure-rules.ts";
import type { CosmosAccount, Resource, ResourceSet } from "./library.ts";

export interface AtomicBatch {
  dbId: string;
  collId: string;
  operations: readonly BatchOperation[];
  /** The partition key header's value (a batch is refused without one). */
  partitionKey: unknown[];
  partitionPath: string | undefined;
}

interface Before {
  id: string;
  partition: unknown;
  resource: Resource | undefined;
}

/** Notes each document's state now; `settle` undoes the batch if the library's answer failed. */
export function beforeBatch(account: CosmosAccount, batch: AtomicBatch) {
  const documents = documentsOf(account, batch);
  const before: Before[] = [];
  if (documents) {
    for (const operation of batch.operations) {
      const id = operation.id ?? (operation.resourceBody as { id?: unknown } | undefined)?.id;
      if (typeof id !== "string") continue;
      const partition = documents._getPartition(keyDocument(id, batch) as Resource);
      const resource = documents._item("/id", id, partition).read();
      before.push({ id, partition, resource: resource && { ...resource } });
    }
  }
  return {
    settle(answer: unknown, res: ServerResponse): unknown {
      if (!documents || !Array.isArray(answer)) return answer;
      const results = answer as Array<{ statusCode?: number }>;
      if (!results.some((result) => (result.statusCode ?? 0) >= 400)) return answer;
      // Newest first, so a document written twice in the batch ends as it was before the first.
      for (const { id, partition, resource } of [...before].reverse()) {
        const now = documents._item("/id", id, partition).read();
        if (resource) documents._set(resource);
        else if (now) documents.delete(id, partition);
      }
      res.statusCode = 207;
      return results.map((result) =>
        (result.statusCode ?? 0) >= 400 ? result : { statusCode: 424, requestCharge: 0 },
      );
    },
  };
}

function documentsOf(account: CosmosAccount, batch: AtomicBatch): ResourceSet | undefined {
  try {
    const collection = account.database(batch.dbId).collection(batch.collId);
    return collection.read() ? collection.documents : undefined;
  } catch {
    // No such database: the library answers the batch with its own 404.
    return undefined;
  }
}

/** A stand-in document with the batch's partition key, from which the library reads the partition. */
function keyDocument(id: string, batch: AtomicBatch): Record<string, unknown> {
  const document: Record<string, unknown> = { id };
  const parts = (batch.partitionPath ?? "").split("/").filter(Boolean);
  let at = document;
  parts.forEach((part, index) => {
    const next: Record<string, unknown> = {};
    at[part] = index === parts.length - 1 ? batch.partitionKey[0] : next;
    at = next;
  });
  return document;
}
