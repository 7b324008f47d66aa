/**
 * An import writes an action and its audit entry in separate requests (they live in different
 * partitions), so a store that stops, or a process killed, between the two leaves an action
 * without its entry. Here the store stops right after it applied the first batch of actions: the
 * next import must record every missing entry exactly once and say so, and the command line must
 * say how many rows were saved and that running the same import again finishes it.
 */
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { SAMPLE_PLAN } from "../../../src/domain/plan.ts";
import { runCli } from "../../support/run-cli.ts";
import {
  auditCounts,
  cleanUp,
  HANG_UP,
  type Intercept,
  isBatch,
  setUp,
  standIn,
} from "./store-stand-in.ts";

afterEach(cleanUp);

/** The store applies the first batch of actions it is sent, answers it, then stops answering. */
function stopsAfterFirstActionBatch(): { intercept: Intercept; stopped: () => boolean } {
  let stopped = false;
  return {
    stopped: () => stopped,
    intercept: async (call, pass) => {
      if (stopped) return HANG_UP;
      if (isBatch(call, "actions", true)) {
        stopped = true;
        return pass(call.body);
      }
      return pass(call.body);
    },
  };
}

describe("an import the store stops answering part-way through", () => {
  it("leaves no saved action without its audit entry once the same import runs again", async () => {
    const { embedded, connect, importWith, direct } = await setUp(450);
    const store = stopsAfterFirstActionBatch();
    const endpoint = await standIn(new URL(embedded.endpoint), store.intercept);

    await expect(importWith(await connect(endpoint))).rejects.toMatchObject({
      code: "store_unavailable",
      message: expect.stringContaining("100 of the 450 new or changed rows were saved"),
    });
    expect(store.stopped()).toBe(true);

    const again = await importWith(await direct());

    expect(again.created).toHaveLength(350);
    expect(again.unchanged).toHaveLength(100);
    expect(again.auditRepaired).toBe(100);
    const check = await direct();
    const actions = await check.actions.list(SAMPLE_PLAN.id);
    expect(actions).toHaveLength(450);
    const counts = await auditCounts(check);
    expect(actions.filter((a) => counts.get(`action:${a.ref}`) !== 1).map((a) => a.ref)).toEqual(
      [],
    );
    expect(counts.size).toBe(450);
    // A recorded-late entry reads as the one the stopped import would have written.
    const saved = actions.find((a) => again.unchanged.includes(a.ref));
    expect(await check.audit.history(`action:${saved?.ref}`)).toEqual([
      expect.objectContaining({
        operation: "create",
        before: null,
        after: saved,
        summary: expect.stringContaining(`Action ${saved?.ref} added`),
      }),
    ]);

    // Checked once: a third import finds nothing left to record.
    const third = await importWith(check);
    expect(third.auditRepaired).toBe(0);
    expect(third.unchanged).toHaveLength(450);
  }, 120_000);

  it("tells the person at the command line how many rows were saved and to run it again", async () => {
    const { dir, file, embedded } = await setUp(450);
    const store = stopsAfterFirstActionBatch();
    const endpoint = await standIn(new URL(embedded.endpoint), store.intercept);
    const env = (cosmos: string) => ({
      DATA_DIR: join(dir, "cli-data"),
      COSMOS_ENDPOINT: cosmos,
      COSMOS_KEY: embedded.key,
    });

    const stopped = await runCli(["import", file], env(endpoint));

    expect(stopped.code).toBe(1);
    expect(stopped.stderr).toContain("100 of the 450 new or changed rows were saved");
    expect(stopped.stderr).toContain("Run the same import again");
    expect(stopped.stderr).not.toContain("Nothing was changed");

    const again = await runCli(["import", file], env(embedded.endpoint));

    expect(again.code).toBe(0);
    expect(again.stdout).toContain("350 created, 0 updated, 100 unchanged, 0 rejected");
    expect(again.stdout).toContain(
      "Recorded 100 missing audit entries for rows an earlier import saved before it stopped.",
    );
  }, 120_000);
});
