/**
 * A change is one mutation of the in-memory store, recorded as the resulting resource (not the
 * request that caused it), so replay is deterministic: the same `_etag`, `_ts` and `_rid` come
 * back after a restart, and a client holding an ETag still matches.
 */
import type { Resource } from "./library.ts";

export type ResourceKind = "db" | "coll" | "doc" | "udf";

export type Change =
  | { op: "put"; kind: ResourceKind; db?: string; coll?: string; d: Resource; rc: number }
  | { op: "del"; kind: ResourceKind; db?: string; coll?: string; id: string; pk?: unknown };

const kinds = new Set<string>(["db", "coll", "doc", "udf"]);

/**
 * Checks the shape of a parsed change. Replay runs over tens of thousands of changes, so this is a
 * hand-written check of the fields replay relies on rather than a schema library.
 */
export function asChange(value: unknown): Change {
  const change = value as Partial<Record<string, unknown>> | null;
  if (typeof change !== "object" || change === null) throw new Error("a change is not an object");
  if (!kinds.has(String(change.kind))) throw new Error(`unknown resource kind ${change.kind}`);
  const needsDb = change.kind !== "db";
  const needsColl = change.kind === "doc" || change.kind === "udf";
  if (needsDb && typeof change.db !== "string") throw new Error("a change has no database id");
  if (needsColl && typeof change.coll !== "string") throw new Error("a change has no container id");
  if (change.op === "put") {
    const data = change.d as Partial<Resource> | undefined;
    if (typeof data?.id !== "string" || typeof data._rid !== "string") {
      throw new Error("a saved resource has no id or _rid");
    }
    if (typeof change.rc !== "number") throw new Error("a saved resource has no id counter");
  } else if (change.op === "del") {
    if (typeof change.id !== "string") throw new Error("a removal has no id");
  } else {
    throw new Error(`unknown change ${change.op}`);
  }
  return change as Change;
}
