/**
 * Applies a recorded change to an Account the way the library applied it the first time: a save
 * is the library's own `_set` (which also builds a new container's document set), a removal its
 * own `delete`. The id counter is carried forward so new resources never reuse a live `_rid`.
 */
import type { Change } from "./change.ts";
import type { CosmosAccount, FunctionSet, ResourceSet } from "./library.ts";

export function applyChange(account: CosmosAccount, change: Change): void {
  const target = resourceSetFor(account, change);
  if (change.op === "put") {
    target._set(change.d);
    if (change.rc > target._ridCount) target._ridCount = change.rc;
    if (change.kind === "udf") {
      (target as FunctionSet).functions[change.d.id] = compileFunction(String(change.d.body));
    }
    return;
  }
  // A removal of something already gone changes nothing, so it is not an error.
  if (target._item("/id", change.id, change.pk ?? undefined).read()) {
    target.delete(change.id, change.pk ?? undefined);
  }
}

function resourceSetFor(account: CosmosAccount, change: Change): ResourceSet {
  if (change.kind === "db") return account.databases;
  const database = account.database(change.db ?? "");
  if (!database.read()) throw new Error(`database "${change.db}" does not exist`);
  if (change.kind === "coll") return database.collections;
  const container = database.collection(change.coll ?? "");
  if (!container.read()) throw new Error(`container "${change.db}/${change.coll}" does not exist`);
  return change.kind === "doc" ? container.documents : container.userDefinedFunctions;
}

/** User-defined functions are stored as source text; queries call the compiled function. */
function compileFunction(source: string): unknown {
  return new Function(`"use strict"; return (${source});`)();
}
