import { rmSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { systemClock } from "../../../src/clock.ts";
import { loadConfig } from "../../../src/config.ts";
import { silentLogger } from "../../../src/logger.ts";
import { CLI_ACTOR } from "../../../src/store/audit-log.ts";
import { openStore } from "../../../src/store/open-store.ts";
import type { Store } from "../../../src/store/store.ts";
import { anAction, anUpdate } from "../../support/builders.ts";
import { tempDataDir } from "../../support/run-cli.ts";

describe("reads scoped to one partition", () => {
  const dir = tempDataDir();
  let store: Store;

  beforeAll(async () => {
    store = await openStore({
      config: loadConfig({ DATA_DIR: dir, EMBEDDED_COSMOS_PORT: "0" }),
      clock: systemClock,
      logger: silentLogger,
      role: "server",
    });
    await store.actions.save(anAction({ ref: "A-1", planId: "default" }), CLI_ACTOR, null);
    await store.actions.save(anAction({ ref: "B-1", planId: "other-plan" }), CLI_ACTOR, null);
    await store.updates.create(anUpdate({ quarter: "2026-Q2", ref: "A-1" }), CLI_ACTOR);
    await store.updates.create(anUpdate({ quarter: "2026-Q3", ref: "A-1" }), CLI_ACTOR);
  });

  afterAll(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("lists and counts only the plan asked for", async () => {
    expect((await store.actions.list("default")).map((a) => a.ref)).toEqual(["A-1"]);
    expect(await store.actions.count("other-plan")).toBe(1);
    expect(await store.actions.count("no-such-plan")).toBe(0);
  });

  it("gives a quarter's updates only", async () => {
    expect((await store.updates.forQuarter("2026-Q3")).map((u) => u.id)).toEqual(["2026-Q3:A-1"]);
    expect(await store.updates.forQuarter("2026-Q4")).toEqual([]);
  });
});
