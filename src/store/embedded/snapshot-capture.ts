/**
 * Takes a consistent picture of the whole Account in one synchronous step: the saves that would
 * rebuild it, in the order the library holds them (databases, then each container with its
 * functions and documents). Resources are never changed in place by the library (every change
 * stores a new object), so holding references is enough; serialising can happen afterwards.
 */
import type { Change } from "./change.ts";
import type { ContainerItem, CosmosAccount, DatabaseItem, ResourceSet } from "./library.ts";

export function captureAccount(account: CosmosAccount): Change[] {
  const changes: Change[] = [];
  for (const database of resources(account.databases)) {
    changes.push({ op: "put", kind: "db", d: database.data, rc: account.databases._ridCount });
    const containers = (database.item as DatabaseItem).collections;
    for (const container of resources(containers)) {
      const db = database.data.id;
      const coll = container.data.id;
      changes.push({ op: "put", kind: "coll", db, d: container.data, rc: containers._ridCount });
      const { documents, userDefinedFunctions } = container.item as ContainerItem;
      for (const udf of resources(userDefinedFunctions)) {
        const rc = userDefinedFunctions._ridCount;
        changes.push({ op: "put", kind: "udf", db, coll, d: udf.data, rc });
      }
      for (const document of resources(documents)) {
        changes.push({
          op: "put",
          kind: "doc",
          db,
          coll,
          d: document.data,
          rc: documents._ridCount,
        });
      }
    }
  }
  return changes;
}

function* resources(set: ResourceSet) {
  for (const item of set._data.values()) {
    const data = item.read();
    if (data) yield { item, data };
  }
}
