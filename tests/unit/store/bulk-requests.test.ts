import { describe, expect, it } from "vitest";
import { forEachLimited } from "../../../src/for-each-limited.ts";
import { requestSizedGroups } from "../../../src/store/bulk-requests.ts";

const numbers = (count: number) => Array.from({ length: count }, (_, index) => index);

describe("requestSizedGroups", () => {
  it("puts at most 100 documents in a request, in their order", () => {
    const groups = requestSizedGroups(numbers(250));
    expect(groups.map((group) => group.length)).toEqual([100, 100, 50]);
    expect(groups.flat()).toEqual(numbers(250));
  });

  it("closes a request before its body passes about a megabyte, and never drops a large document", () => {
    const note = (size: number) => ({ progressUpdate: "x".repeat(size) });
    const items = [note(400_000), note(400_000), note(400_000), note(3_000_000), note(10)];
    const groups = requestSizedGroups(items, (item) => item);
    expect(groups.map((group) => group.length)).toEqual([2, 1, 1, 1]);
    expect(groups.flat()).toEqual(items);
  });

  it("measures only the document it is told to", () => {
    const items = numbers(3).map((n) => ({ body: { n }, before: "y".repeat(900_000) }));
    expect(requestSizedGroups(items, (item) => item.body)).toHaveLength(1);
  });
});

/** A promise the test settles when it chooses: no waiting on the clock. */
function deferred() {
  let resolve: () => void = () => {};
  let reject: (error: Error) => void = () => {};
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe("forEachLimited", () => {
  it("runs at most `limit` at a time and does them all", async () => {
    const pending = numbers(10).map(() => deferred());
    const started: number[] = [];
    let running = 0;
    let most = 0;
    const done = forEachLimited(numbers(10), 3, async (n) => {
      started.push(n);
      running++;
      most = Math.max(most, running);
      await pending[n]?.promise;
      running--;
    });
    for (const step of pending) {
      await Promise.resolve();
      step.resolve();
    }
    await done;
    expect(started).toEqual(numbers(10));
    expect(most).toBe(3);
  });

  it("starts nothing new after a failure, waits for what is running, then throws that failure", async () => {
    const pending = numbers(10).map(() => deferred());
    const started: number[] = [];
    const finished: number[] = [];
    const done = forEachLimited(numbers(10), 2, async (n) => {
      started.push(n);
      await pending[n]?.promise;
      finished.push(n);
    });
    await Promise.resolve();
    pending[0]?.reject(new Error("store refused action 0"));
    await Promise.resolve();
    pending[1]?.resolve();
    await expect(done).rejects.toThrow("store refused action 0");
    expect(started).toEqual([0, 1]);
    expect(finished).toEqual([1]);
  });

  it("does nothing for nothing", async () => {
    await expect(forEachLimited([], 4, async () => {})).resolves.toBeUndefined();
  });
});
