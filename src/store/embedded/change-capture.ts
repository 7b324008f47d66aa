/**
 * Captures every mutation of a watched Account at the moment the library applies it, in the order
 * it is applied. Every save and removal in the library goes through two methods of its Items class
 * (`_set` and `delete`), whatever request caused it (create, upsert, replace, patch, batch,
 * containers, databases), so wrapping those two is the one place that sees them all.
 *
 * Each resource set is labelled with where it lives (which database, which container) when its
 * parent is saved; sets without a label (partition key ranges, other Accounts) are not recorded.
 */
import type { Change, ResourceKind } from "./change.ts";
import type {
  ContainerItem,
  CosmosAccount,
  DatabaseItem,
  Resource,
  ResourceSet,
} from "./library.ts";
import { resourceSetPrototype } from "./library.ts";

/** Receives each change synchronously and in apply order. */
export interface ChangeSink {
  /** False while saved data is being loaded: those changes are already on disk. */
  readonly recording: boolean;
  record(change: Change): void;
}

interface Label {
  kind: ResourceKind;
  db?: string;
  coll?: string;
  sink: ChangeSink;
}

const labels = new WeakMap<object, Label>();
let installed = false;

/** Starts recording the Account's changes into `sink` (its databases and everything below). */
export function watchAccount(account: CosmosAccount, sink: ChangeSink): void {
  installCapture();
  labels.set(account.databases, { kind: "db", sink });
}

function installCapture(): void {
  if (installed) return;
  installed = true;
  const originalSet = resourceSetPrototype._set;
  const originalDelete = resourceSetPrototype.delete;

  resourceSetPrototype._set = function capturedSet(this: ResourceSet, data: Resource) {
    const result = originalSet.call(this, data);
    const label = labels.get(this);
    if (label) {
      labelChildren(this, label, data);
      if (label.sink.recording) label.sink.record(putChange(label, data, this._ridCount));
    }
    return result;
  };

  resourceSetPrototype.delete = function capturedDelete(
    this: ResourceSet,
    idOrRid: string,
    partition: unknown,
  ) {
    const label = labels.get(this);
    const existing = label ? this._item("/id", idOrRid, partition).read() : undefined;
    originalDelete.call(this, idOrRid, partition);
    if (label?.sink.recording && existing) {
      const pk = this._getPartition(existing);
      label.sink.record({ op: "del", ...where(label), id: existing.id, pk });
    }
  };
}

function putChange(label: Label, data: Resource, ridCount: number): Change {
  return { op: "put", ...where(label), d: data, rc: ridCount };
}

function where(label: Label): { kind: ResourceKind; db?: string; coll?: string } {
  return { kind: label.kind, db: label.db, coll: label.coll };
}

/** A new database or container brings new resource sets; label them so they are recorded too. */
function labelChildren(set: ResourceSet, label: Label, data: Resource): void {
  const item = set._data.get(data._rid);
  if (!item) return;
  if (label.kind === "db") {
    const database = item as DatabaseItem;
    labels.set(database.collections, { kind: "coll", db: data.id, sink: label.sink });
  } else if (label.kind === "coll") {
    const container = item as ContainerItem;
    const place = { db: label.db, coll: data.id, sink: label.sink };
    labels.set(container.documents, { kind: "doc", ...place });
    labels.set(container.userDefinedFunctions, { kind: "udf", ...place });
  }
}
