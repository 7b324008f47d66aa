import type { IndexingPolicy } from "@azure/cosmos";

/**
 * Every container and its partition key, chosen for the reads the product makes most:
 * - actions by plan (`/planId`): the question index and the dashboard load a whole plan at once, and an
 *   import can batch its writes inside one logical partition;
 * - updates by quarter (`/quarter`): review status, chasers and sign-off queues read one quarter;
 *   an action's history is a small cross-partition read by ref;
 * - audit by entity (`/entity`): "what happened to CSC-07" is one partition;
 * - everything keyed by a single id (people, reviews, plans, conversations, outbox, leases) uses `/id`,
 *   so every read is a point read.
 */
export const CONTAINERS = {
  plans: "/id",
  actions: "/planId",
  updates: "/quarter",
  people: "/id",
  reviews: "/id",
  audit: "/entity",
  conversations: "/id",
  outbox: "/id",
  leases: "/id",
} as const;

export type ContainerName = keyof typeof CONTAINERS;

/**
 * The indexing policy every container is created with: Azure's default, written out so that the
 * deployment template (infra/azure.json) can be checked against it. Every ORDER BY the product
 * sends sorts on one property, which this policy serves; a query sorting on two would need a
 * composite index declared here (and so in the template). The embedded store refuses an ORDER BY
 * this policy cannot serve, as Azure does (src/store/embedded/azure-rules.ts).
 */
export const INDEXING_POLICY: IndexingPolicy = {
  indexingMode: "consistent",
  automatic: true,
  includedPaths: [{ path: "/*" }],
  excludedPaths: [{ path: '/"_etag"/?' }],
};
