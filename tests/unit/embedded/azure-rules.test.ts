import { describe, expect, it } from "vitest";
import { INDEXING_POLICY } from "../../../src/store/containers.ts";
import {
  checkBatch,
  checkBulk,
  checkId,
  checkItem,
  checkOrderBy,
  orderByItems,
} from "../../../src/store/embedded/azure-rules.ts";

const upsert = (id: string, planId = "p", extra: Record<string, unknown> = {}) => ({
  operationType: "Upsert",
  resourceBody: { id, planId, ...extra },
});

describe("Azure Cosmos DB's rules", () => {
  it("refuses ids with / \\ # or ?, and empty or 1,024-character ids", () => {
    for (const bad of ["a/b", "a\\b", "a#b", "a?b"]) {
      expect(checkId(bad)).toMatchObject({
        status: 400,
        message: expect.stringContaining(bad[1] as string),
      });
    }
    expect(checkId("")).toMatchObject({ status: 400 });
    expect(checkId("x".repeat(1024))).toMatchObject({ status: 400 });
    expect(checkId("CSC-01:2026-Q3 (plan)")).toBeNull();
  });

  it("refuses an item over 2 MB with 413 and takes one just under", () => {
    expect(checkItem({ id: "a", text: "x".repeat(2 * 1024 * 1024) })).toMatchObject({
      status: 413,
    });
    expect(checkItem({ id: "a", text: "x".repeat(2 * 1024 * 1024 - 100) })).toBeNull();
  });

  it("takes a batch of 100 in one partition and refuses 101, over 2 MB, or a second partition", () => {
    const hundred = Array.from({ length: 100 }, (_, i) => upsert(`a${i}`));
    expect(checkBatch(hundred, 10_000, ["p"], "/planId")).toBeNull();
    expect(checkBatch([...hundred, upsert("x")], 10_000, ["p"], "/planId")).toMatchObject({
      status: 400,
      message: "Batch request has more operations than what is supported.",
    });
    expect(checkBatch(hundred, 2 * 1024 * 1024 + 1, ["p"], "/planId")).toMatchObject({
      status: 413,
    });
    expect(checkBatch([upsert("a"), upsert("b", "q")], 100, ["p"], "/planId")).toMatchObject({
      status: 400,
      message: expect.stringContaining("doesn't match"),
    });
    expect(
      checkBatch([{ ...upsert("a"), partitionKey: '["q"]' }], 100, ["p"], "/planId"),
    ).toMatchObject({ status: 400 });
    expect(checkBatch([upsert("a")], 100, null, "/planId")).toMatchObject({ status: 400 });
    expect(checkBatch([upsert("a/b")], 100, ["p"], "/planId")).toMatchObject({ status: 400 });
  });

  it("refuses a bulk request over 100 operations but lets it span partitions", () => {
    const mixed = Array.from({ length: 100 }, (_, i) => upsert(`a${i}`, `p${i}`));
    expect(checkBulk(mixed)).toBeNull();
    expect(checkBulk([...mixed, upsert("x")])).toMatchObject({ status: 400 });
  });

  it("reads an ORDER BY's paths and directions, and refuses one that is not a property path", () => {
    expect(orderByItems("SELECT * FROM c WHERE c.a = 1")).toBeNull();
    expect(
      orderByItems(
        'SELECT TOP 5 * FROM c ORDER BY c.queuedAt DESC, c["due date"] OFFSET 0 LIMIT 5',
      ),
    ).toEqual([
      { path: "/queuedAt", order: "descending" },
      { path: "/due date", order: "ascending" },
    ]);
    expect(orderByItems("SELECT * FROM c ORDER BY LOWER(c.name)")).toMatchObject({ status: 400 });
  });

  it("serves one ORDER BY item from the default policy and two only from a matching composite index", () => {
    expect(checkOrderBy("SELECT * FROM c ORDER BY c.queuedAt", INDEXING_POLICY)).toBeNull();
    expect(checkOrderBy("SELECT * FROM c ORDER BY c._etag", INDEXING_POLICY)).toMatchObject({
      status: 400,
      message: "The index path corresponding to the specified order-by item is excluded.",
    });
    const twoProperties = "SELECT * FROM c ORDER BY c.planId, c.ref";
    expect(checkOrderBy(twoProperties, INDEXING_POLICY)).toMatchObject({
      status: 400,
      message:
        "The order by query does not have a corresponding composite index that it can be served from.",
    });
    const composite = {
      ...INDEXING_POLICY,
      compositeIndexes: [
        [
          { path: "/planId", order: "ascending" as const },
          { path: "/ref", order: "ascending" as const },
        ],
      ],
    };
    expect(checkOrderBy(twoProperties, composite)).toBeNull();
    expect(
      checkOrderBy("SELECT * FROM c ORDER BY c.planId DESC, c.ref DESC", composite),
    ).toBeNull();
    expect(checkOrderBy("SELECT * FROM c ORDER BY c.planId, c.ref DESC", composite)).not.toBeNull();
    expect(checkOrderBy("SELECT * FROM c ORDER BY c.ref, c.planId", composite)).not.toBeNull();
  });
});
