/**
 * Every document request the embedded store answers, as the Azure rules see it, for anyone in this
 * process who asks: the contract test records a whole run with it and holds each call to the rules.
 */
import type { Refusal } from "./azure-rules.ts";

export interface StoreCall {
  kind: "query" | "batch" | "bulk" | "write" | "point";
  method: string;
  container: string;
  /** The query's SQL (queries only). */
  sql?: string;
  /** Operations in a batch or bulk request. */
  operations?: number;
  /** The request body's size in bytes (0 when it has none). */
  bytes: number;
  /** The partition key header, when one was sent. */
  partitionKey: unknown[] | null;
  /** Ids of the documents written (writes, batches and bulk requests). */
  ids: unknown[];
  /** What the store refused it for, when it did. */
  refusal: Refusal | null;
}

type Listener = (call: StoreCall) => void;

const listeners = new Set<Listener>();

/** Calls `listener` with every document request from now on; the returned function stops it. */
export function watchStoreCalls(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function reportStoreCall(call: StoreCall): void {
  for (const listener of listeners) listener(call);
}
