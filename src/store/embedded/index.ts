/** The embedded Cosmos-compatible store with durable persistence: the API other code uses. */
export type { CompactionStep } from "./compaction.ts";
export { readRunningStore } from "./lock.ts";
export type { EmbeddedCosmos } from "./server.ts";
export { EMBEDDED_COSMOS_KEY, startEmbeddedCosmos } from "./server.ts";
