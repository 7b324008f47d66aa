/**
 * When Azure Cosmos DB does not acknowledge part of a batch or bulk request, an import must neither
 * lose an action nor leave one without its audit entry (nor with two). A stand-in for the store's
 * answers sits at the HTTP seam, between the product and the embedded store, and answers some
 * requests as Azure Cosmos DB answers a failed one.
 */
import { afterEach, describe, expect, it } from "vitest";
import { SAMPLE_PLAN } from "../../../src/domain/plan.ts";
import {
  type Answer,
  auditCounts,
  cleanUp,
  failedBatch,
  isBatch,
  refsOf,
  setUp,
  standIn,
} from "./store-stand-in.ts";

afterEach(cleanUp);

describe("an import when the store does not acknowledge part of a request", () => {
  it("writes a failed batch's actions one by one and a throttled audit entry again, once each", async () => {
    const { embedded, connect, importWith, direct } = await setUp(150);
    let batchFailed = false;
    let auditThrottled = false;
    const endpoint = await standIn(new URL(embedded.endpoint), async (call, pass) => {
      if (!batchFailed && isBatch(call, "actions", true)) {
        batchFailed = true;
        return failedBatch(refsOf(call).length, 7, 500);
      }
      if (!auditThrottled && isBatch(call, "audit", false)) {
        // Azure Cosmos DB applies the rest of a bulk request and answers 429 for what it throttled.
        auditThrottled = true;
        const operations = call.body as unknown[];
        const answer = await pass(operations.filter((_, index) => index !== 3));
        const results = answer.body as unknown[];
        results.splice(3, 0, { statusCode: 429, requestCharge: 0, retryAfterMilliseconds: 1 });
        return { ...answer, status: 207, body: results };
      }
      return pass(call.body);
    });

    const report = await importWith(await connect(endpoint));

    expect(batchFailed && auditThrottled).toBe(true);
    expect(report.created).toHaveLength(150);
    const store = await direct();
    expect(await store.actions.count(SAMPLE_PLAN.id)).toBe(150);
    const counts = await auditCounts(store);
    expect(counts.size).toBe(150);
    expect([...counts.values()].every((count) => count === 1)).toBe(true);
  });

  it("writes no second audit entry when a batch or bulk request landed but its answer was lost", async () => {
    const { embedded, connect, importWith, direct } = await setUp(150);
    const lost = { batch: false, bulk: false };
    const lostAnswer: Answer = {
      status: 500,
      headers: { "content-type": "application/json" },
      body: { code: "InternalServerError", message: "The connection was reset." },
    };
    const endpoint = await standIn(new URL(embedded.endpoint), async (call, pass) => {
      const answer = await pass(call.body);
      if (!lost.batch && isBatch(call, "actions", true)) {
        lost.batch = true;
        return lostAnswer;
      }
      if (!lost.bulk && isBatch(call, "audit", false)) {
        lost.bulk = true;
        return lostAnswer;
      }
      return answer;
    });

    const report = await importWith(await connect(endpoint));

    expect(lost).toEqual({ batch: true, bulk: true });
    expect(report.created).toHaveLength(150);
    const counts = await auditCounts(await direct());
    expect(counts.size).toBe(150);
    expect([...counts.values()].every((count) => count === 1)).toBe(true);
  });

  it("fails with the store's reason for an action it refuses, and loses nothing", async () => {
    const { embedded, connect, importWith, direct } = await setUp(150);
    const refused = "IMP-042";
    const endpoint = await standIn(new URL(embedded.endpoint), async (call, pass) => {
      if (isBatch(call, "actions", true) && refsOf(call).includes(refused)) {
        return failedBatch(refsOf(call).length, refsOf(call).indexOf(refused), 403);
      }
      const single = call.body as { id?: string } | undefined;
      if (call.url.endsWith("/colls/actions/docs") && single?.id === refused) {
        return {
          status: 403,
          headers: { "content-type": "application/json" },
          body: { code: "Forbidden", message: "The request was refused." },
        };
      }
      return pass(call.body);
    });

    await expect(importWith(await connect(endpoint))).rejects.toMatchObject({ code: 403 });

    const store = await direct();
    expect(await store.actions.get(refused, SAMPLE_PLAN.id)).toBeNull();
    const counts = await auditCounts(store);
    expect(counts.has(`action:${refused}`)).toBe(false);
    expect(
      (await store.actions.list(SAMPLE_PLAN.id)).map((a) => counts.get(`action:${a.ref}`)),
    ).toSatisfy((all: unknown[]) => all.length > 0 && all.every((count) => count === 1));

    // Importing the same file again, once the store accepts it, completes the plan.
    const again = await importWith(store);
    expect(again.created).toContain(refused);
    expect(again.updated).toEqual([]);
    expect(await store.actions.count(SAMPLE_PLAN.id)).toBe(150);
    const after = await auditCounts(store);
    expect(after.size).toBe(150);
    expect([...after.values()].every((count) => count === 1)).toBe(true);
  });
});
