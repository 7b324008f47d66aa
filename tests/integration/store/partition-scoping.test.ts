import { rmSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { systemClock } from "../../../src/clock.ts";
import { loadConfig } from "../../../src/config.ts";
import type { Action } from "../../../src/domain/action.ts";
import type { Update } from "../../../src/domain/update.ts";
import { silentLogger } from "../../../src/logger.ts";
import { CLI_ACTOR } from "../../../src/store/audit-log.ts";
import { openStore } from "../../../src/store/open-store.ts";
import type { Store } from "../../../src/store/store.ts";
import { tempDataDir } from "../../support/run-cli.ts";

const action = (ref: string, planId: string): Action => ({
  ref,
  planId,
  priorities: [3],
  section: "",
  deliveryArea: "",
  developmentAction: `Action ${ref}`,
  expectedOutcome: "",
  lead: "IRO",
  completionDate: { text: "", due: null, tbc: false, milestones: [] },
  rag: "Amber",
  complete: false,
  signedOff: false,
  actionWeWillTake: "",
  howWillWeKnow: "",
  progressUpdate: "",
  extra: {},
});

const update = (quarter: string, ref: string): Update => ({
  id: `${quarter}:${ref}`,
  quarter,
  ref,
  progress: "Going well",
  proposedRag: "Green",
  ragJustification: "",
  revisedDate: null,
  revisedDateReason: "",
  evidenceUrl: "",
  proposeCompletion: false,
  author: "jo@council.gov.uk",
  authorName: "Jo",
  state: "submitted",
  submittedAt: "2026-11-23T10:00:00.000Z",
  revision: 1,
  previousRag: "Amber",
  decision: null,
});

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
    await store.actions.save(action("A-1", "default"), CLI_ACTOR, null);
    await store.actions.save(action("B-1", "other-plan"), CLI_ACTOR, null);
    await store.updates.create(update("2026-Q2", "A-1"), CLI_ACTOR);
    await store.updates.create(update("2026-Q3", "A-1"), CLI_ACTOR);
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
