import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { systemClock } from "../../../src/clock.ts";
import { loadConfig } from "../../../src/config.ts";
import { type Action, ActionSchema } from "../../../src/domain/action.ts";
import { silentLogger } from "../../../src/logger.ts";
import { ContainerMirror } from "../../../src/query/container-mirror.ts";
import { changedRows } from "../../../src/store/changed-rows.ts";
import { openStore } from "../../../src/store/open-store.ts";
import type { Store } from "../../../src/store/store.ts";
import { planAction } from "./answer-reading.ts";

const SETUP = { id: "test", name: "Test setup" };

describe("the in-memory copy of a container", () => {
  let store: Store;
  let dataDir: string;
  const invalid: string[] = [];
  let mirror: ContainerMirror<Action>;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), "plan-tracker-mirror-"));
    const config = loadConfig({
      DATA_DIR: dataDir,
      EMBEDDED_COSMOS_PORT: "0",
      LOG_LEVEL: "silent",
    });
    store = await openStore({ config, clock: systemClock, logger: silentLogger, role: "server" });
    mirror = new ContainerMirror({
      rows: changedRows(store.containers.actions, { field: "planId", value: "default" }),
      schema: ActionSchema,
      onInvalid: (id) => invalid.push(id),
    });
  });
  afterAll(async () => {
    await store?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it("reads everything first, then only what changed, however quickly the writes follow", async () => {
    await Promise.all(
      ["A-1", "A-2", "A-3"].map((ref) =>
        store.actions.save(planAction(ref, [1], "Green", "HoS"), SETUP, null),
      ),
    );
    const first = await mirror.refresh();
    expect(first.map((change) => change.after.ref).sort()).toEqual(["A-1", "A-2", "A-3"]);
    expect(await mirror.refresh()).toEqual([]);

    // Written in the same second as the read before: still seen, once.
    const before = mirror.get("A-2") as Action;
    await store.actions.save({ ...before, rag: "Red" }, SETUP, before);
    await store.actions.save(planAction("A-4", [2], "Amber", "IRO"), SETUP, null);
    const second = await mirror.refresh();
    expect(
      second.map((change) => [change.before?.rag ?? null, change.after.ref, change.after.rag]),
    ).toEqual(
      expect.arrayContaining([
        ["Green", "A-2", "Red"],
        [null, "A-4", "Amber"],
      ]),
    );
    expect(second).toHaveLength(2);
    expect(await mirror.refresh()).toEqual([]);
    expect(
      mirror
        .docs()
        .map((action) => action.ref)
        .sort(),
    ).toEqual(["A-1", "A-2", "A-3", "A-4"]);
  });

  it("reads only its own plan's actions, though another plan uses the same Refs", async () => {
    const other = { ...planAction("A-1", [1], "Red", "Someone else"), planId: "other-plan" };
    await store.actions.save(other, SETUP, null);
    expect(await mirror.refresh()).toEqual([]);
    expect(mirror.get("A-1")?.lead).toBe("HoS");
  });

  it("leaves out a document that isn't a valid action, and names it", async () => {
    await store.containers.actions.items.upsert({ id: "BROKEN", ref: "BROKEN", planId: "default" });
    const changes = await mirror.refresh();
    expect(changes).toEqual([]);
    expect(invalid).toEqual(["BROKEN"]);
    expect(mirror.get("BROKEN")).toBeUndefined();
  });
});
