import type { FeedOptions } from "@azure/cosmos";

/**
 * How many documents a query that may return many asks for per response. Azure Cosmos DB answers a
 * query in pages (never more than 4 MB each) that the SDK fetches one after another; the embedded
 * store answers in one response unless asked for pages. Asking for pages of this size everywhere a
 * read can return a whole plan keeps each response to a few hundred kilobytes on both, instead of a
 * response the size of the container, whose buffers the server's memory keeps long after.
 */
export const PAGE_ITEMS = 1000;

/** `options` with the page size added. */
export function paged(options: FeedOptions = {}): FeedOptions {
  return { ...options, maxItemCount: PAGE_ITEMS };
}
