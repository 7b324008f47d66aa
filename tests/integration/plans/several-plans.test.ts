import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { Update } from "../../../src/domain/update.ts";
import { anUpdate } from "../../support/builders.ts";
import { runCli, runCliHere, tempDataDir } from "../../support/run-cli.ts";
import { withStoreAt } from "./store-at.ts";

const PLYMOUTH = new URL("../../fixtures/plymouth-plan.csv", import.meta.url).pathname;

// A SEND plan laid out as many councils do, numbered 1.1, 1.2 … like Plymouth's, and naming its
// priorities in the Priority column the way Rutland's plans head theirs.
const SEND_CSV = `Ref,Priority,Development Action,Lead,Completion Date,RAG
1.1,Priority 1: Early identification of need,Publish the graduated approach for early years settings,SEND Service Manager,March 2026,Amber
1.2,Early identification of need,Train SENCOs on the new referral pathway,Educational Psychology Lead,June 2026,Green
1.3,2. Preparing for adulthood,Agree transition plans at Year 9 for every young person with an EHCP,Head of SEND,September 2026,Red
`;

type PlanJson = {
  id: string;
  name: string;
  actions: number;
  priorities: { number: number; name: string }[];
};
type RowJson = { planId: string; planName: string; ref: string; lead: string };

describe("several plans in one store", () => {
  const dir = tempDataDir();
  const env = { DATA_DIR: dir, EMBEDDED_COSMOS_PORT: "0" };
  const send = join(dir, "send-plan.csv");
  // The same CLI code in this process, so the many small cases stay quick; the first import runs
  // the real binary.
  const cli = (...args: string[]) => runCliHere(args, env);
  const plans = async () => JSON.parse((await cli("plans", "--json")).stdout) as PlanJson[];
  const exported = async (...args: string[]) =>
    JSON.parse((await cli("export", "--format", "json", ...args)).stdout) as RowJson[];

  beforeAll(async () => {
    writeFileSync(send, SEND_CSV);
    const first = await runCli(["import", PLYMOUTH, "--plan", "Plymouth Improvement Plan"], env);
    expect(first.stderr).toBe("");
    expect(first.stdout).toContain('Plan "Plymouth Improvement Plan" (new');
    expect(first.stdout).toContain("8 created");
    const second = await cli("import", send, "--plan", "SEND plan");
    expect(second.stderr).toBe("");
    expect(second.stdout).toContain("3 created, 0 updated, 0 unchanged, 0 rejected");
    // The priorities came from the file's own cells, and the report says so.
    expect(second.stdout).toContain("2 priorities added from the Priority column:");
    expect(second.stdout).toContain("1. Early identification of need");
    expect(second.stdout).toContain("2. Preparing for adulthood");
  }, 60_000);

  it("lists both plans with their actions and priorities", async () => {
    expect(await plans()).toEqual([
      { id: "default", name: "Plymouth Improvement Plan", actions: 8, priorities: [] },
      {
        id: "send-plan",
        name: "SEND plan",
        actions: 3,
        priorities: [
          { number: 1, name: "Early identification of need" },
          { number: 2, name: "Preparing for adulthood" },
        ],
      },
    ]);
    const text = await cli("plans");
    expect(text.stdout).toContain("SEND plan (id send-plan): 3 actions");
    expect(text.stdout).toContain("priorities: 1 Early identification of need; 2 Preparing");
  });

  it("keeps the two plans' Ref 1.1 apart in export, one plan or all", async () => {
    const sendRows = await exported("--plan", "send   PLAN");
    expect(sendRows.map((r) => r.ref)).toEqual(["1.1", "1.2", "1.3"]);
    expect(sendRows[0]).toMatchObject({ planId: "send-plan", lead: "SEND Service Manager" });
    const plymouth = await exported("--plan", "plymouth improvement plan");
    expect(plymouth).toHaveLength(8);
    expect(plymouth.find((r) => r.ref === "1.1")).toMatchObject({
      planName: "Plymouth Improvement Plan",
      lead: "Alison Botham",
    });
    const all = await exported();
    expect(all.filter((r) => r.ref === "1.1").map((r) => [r.planName, r.lead])).toEqual([
      ["Plymouth Improvement Plan", "Alison Botham"],
      ["SEND plan", "SEND Service Manager"],
    ]);
    const csv = (await cli("export")).stdout;
    expect(csv.split("\n")[0]).toMatch(/^Plan,Ref,/);
    expect(csv).toContain("SEND plan,1.1,");
  });

  it("stops an import without --plan, naming the plans, and changes nothing", async () => {
    const result = await cli("import", send);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('"Plymouth Improvement Plan", "SEND plan"');
    expect(result.stderr).toContain('--plan "NAME"');
    const unknown = await cli("export", "--plan", "Fostering plan");
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('There is no plan "Fostering plan"');
  });

  it("re-imports one plan without touching the other's 1.1", async () => {
    writeFileSync(send, SEND_CSV.replace("SEND Service Manager", "Head of Inclusion"));
    const again = await cli("import", send, "--plan", "SEND plan");
    expect(again.stdout).toContain("0 created, 1 updated, 2 unchanged, 0 rejected");
    const all = await exported();
    expect(all.filter((r) => r.ref === "1.1").map((r) => r.lead)).toEqual([
      "Alison Botham",
      "Head of Inclusion",
    ]);
  });

  it("renames a plan (its id stays), and refuses a name another plan has", async () => {
    const renamed = await cli("plan", "rename", "send plan", "SEND Improvement Plan 2025-26");
    expect(renamed.stdout).toContain('Renamed "SEND plan" to "SEND Improvement Plan 2025-26"');
    expect((await plans()).map((p) => [p.id, p.name])).toEqual([
      ["default", "Plymouth Improvement Plan"],
      ["send-plan", "SEND Improvement Plan 2025-26"],
    ]);
    const clash = await cli(
      "plan",
      "rename",
      "SEND Improvement Plan 2025-26",
      "plymouth IMPROVEMENT plan",
    );
    expect(clash.code).toBe(1);
    expect(clash.stderr).toContain('There is already a plan called "Plymouth Improvement Plan"');
  });

  it("sets a plan's priorities from a file, and refuses one that drops a priority in use", async () => {
    const file = join(dir, "priorities.csv");
    writeFileSync(
      file,
      "No.,Priority,Description\n1,Identifying need early,Settings spot need sooner\n2,Preparing for adulthood,\n3,Inclusion,Fewer exclusions\n",
    );
    const set = await cli("plan", "priorities", "SEND Improvement Plan 2025-26", "--from", file);
    expect(set.stdout).toContain('1. Identifying need early (was "Early identification of need")');
    expect(set.stdout).toContain("3. Inclusion (new)");
    expect((await plans())[1]?.priorities.map((p) => p.name)).toEqual([
      "Identifying need early",
      "Preparing for adulthood",
      "Inclusion",
    ]);
    writeFileSync(file, "Number,Name\n1,Identifying need early\n");
    const dropped = await cli(
      "plan",
      "priorities",
      "SEND Improvement Plan 2025-26",
      "--from",
      file,
    );
    expect(dropped.code).toBe(1);
    expect(dropped.stderr).toContain("leaves out priority 2, which 1.3 serve");
  });

  it("removes a plan only with --yes and not while its updates await sign-off", async () => {
    // Plymouth's 1.2 awaits sign-off too (stored as before there were plans, with no plan id): it
    // belongs to the first plan and must not hold up the SEND plan's removal.
    await withStoreAt(dir, async (store) => {
      await store.updates.create(update("1.1", "send-plan"), { id: "test", name: "Test" });
      await store.updates.create(update("1.2"), { id: "test", name: "Test" });
    });
    const name = "SEND Improvement Plan 2025-26";
    for (const confirmed of [[], ["--yes"]]) {
      const refused = await cli("plan", "remove", name, ...confirmed);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain("an update awaits sign-off (1.1 (2026-Q3))");
    }
    expect(await plans()).toHaveLength(2);

    await withStoreAt(dir, async (store) => {
      const waiting = await store.updates.get("2026-Q3", "1.1", "send-plan");
      if (!waiting) throw new Error("the update is missing");
      const decided: Update = {
        ...waiting.doc,
        state: "approved",
        decision: {
          outcome: "approved",
          by: "dana@council.gov.uk",
          byName: "Dana",
          at: "2026-10-02T10:00:00Z",
          comment: "",
        },
      };
      await store.updates.replace(decided, waiting.etag, { id: "test", name: "Test" }, waiting.doc);
    });
    const preview = await cli("plan", "remove", name);
    expect(preview.code).toBe(1);
    expect(preview.stdout).toContain(`This would remove "${name}" with its 3 actions and 1 update`);
    expect(preview.stdout).toContain(`plan-tracker plan remove "${name}" --yes`);
    expect(await plans()).toHaveLength(2);
    const removed = await cli("plan", "remove", name, "--yes");
    expect(removed.stdout).toContain(`Removed "${name}" with its 3 actions and 1 update.`);
    expect((await plans()).map((p) => [p.name, p.actions])).toEqual([
      ["Plymouth Improvement Plan", 8],
    ]);
    expect((await exported()).find((r) => r.ref === "1.1")?.lead).toBe("Alison Botham");
    const audit = await withStoreAt(dir, (store) => store.audit.history("plan:send-plan"));
    expect(audit.map((e) => e.summary)).toContain('Plan "SEND Improvement Plan 2025-26" removed');
  });
});

/** A lead's update awaiting sign-off in 2026-Q3; `planId` left out as stored before plans. */
const update = (ref: string, planId?: string): Update =>
  anUpdate({
    ref,
    ...(planId ? { planId } : {}),
    progress: "Under way",
    proposedRag: "Amber",
    author: "jo@council.gov.uk",
    authorName: "Jo",
    submittedAt: "2026-10-01T09:00:00Z",
    revision: 0,
    previousRag: null,
  });
