import { join } from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { SAMPLE_PLAN } from "../../../src/domain/plan.ts";
import { readTable } from "../../../src/import/read-table.ts";
import { rowsToActions } from "../../../src/import/rows-to-actions.ts";
import { anUpdate, approvedBy } from "../../support/builders.ts";
import { runCli, runCliHere, tempDataDir } from "../../support/run-cli.ts";
import { withStoreAt } from "./store-at.ts";

const SAMPLE = new URL("../../../data/sample-plan.csv", import.meta.url).pathname;

type PlanJson = {
  id: string;
  name: string;
  actions: number;
  priorities: { number: number; name: string }[];
};

describe("a workbook with a Priorities sheet", () => {
  it("sets the plan's priorities from the sheet and reads the actions' cells against them", async () => {
    const dir = tempDataDir();
    const env = { DATA_DIR: dir, EMBEDDED_COSMOS_PORT: "0" };
    const file = join(dir, "early-help-plan.xlsx");
    const book = new ExcelJS.Workbook();
    // The Priorities sheet first: the actions are still read from the other sheet.
    const priorities = book.addWorksheet("Priorities");
    priorities.addRows([
      ["Number", "Name", "Description"],
      [1, "Early Help", "Families get help before problems grow"],
      [2, "Keeping children safe", "Fewer repeat referrals"],
    ]);
    const actions = book.addWorksheet("Action plan");
    actions.addRows([
      ["Ref", "Priority", "Development Action", "Lead"],
      ["EH-1", "P1", "Open two family hubs", "Early Help Manager"],
      ["EH-2", "Keeping children safe", "Audit repeat referrals", "Head of Service"],
      [
        "EH-3",
        "Priority 2: Keeping children safe; 1",
        "Joint triage at the front door",
        "MASH Manager",
      ],
      ["EH-4", "Youth justice", "Review out-of-court disposals", "YOS Manager"],
    ]);
    await book.xlsx.writeFile(file);

    const result = await runCli(["import", file, "--plan", "Early Help Plan"], env);
    expect(result.stdout).toContain("Priorities set from the Priorities sheet:");
    expect(result.stdout).toContain("3 created, 0 updated, 0 unchanged, 1 rejected");
    // A name the sheet does not list is a slip to fix, not a new priority.
    expect(result.stdout).toMatch(
      /row 5, column "Priority": "Youth justice" is not one of the priorities on the Priorities sheet/,
    );
    expect(result.code).toBe(1);
    const plans = JSON.parse((await runCliHere(["plans", "--json"], env)).stdout) as PlanJson[];
    expect(plans).toEqual([
      {
        id: "default",
        name: "Early Help Plan",
        actions: 3,
        priorities: [
          { number: 1, name: "Early Help" },
          { number: 2, name: "Keeping children safe" },
        ],
      },
    ]);
    const rows = JSON.parse((await runCliHere(["export", "--format", "json"], env)).stdout) as {
      ref: string;
      priorities: number[];
    }[];
    expect(rows.map((r) => [r.ref, r.priorities])).toEqual([
      ["EH-1", [1]],
      ["EH-2", [2]],
      ["EH-3", [2, 1]],
    ]);
  }, 60_000);
});

describe("a store written before there could be several plans", () => {
  /** The sample plan's actions as the previous version stored them: planId "default", id = Ref. */
  async function oldStore(planDocument: boolean): Promise<string> {
    const dir = tempDataDir();
    const read = rowsToActions(await readTable(SAMPLE), SAMPLE_PLAN);
    if ("headerProblem" in read) throw new Error(read.headerProblem);
    await withStoreAt(dir, async (store) => {
      for (const { action } of read.actions)
        await store.containers.actions.items.create({
          ...action,
          id: action.ref,
          planId: "default",
        });
      if (planDocument)
        await store.containers.plans.items.create({
          id: "default",
          name: "Children and Young People Development Plan",
          priorities: SAMPLE_PLAN.priorities,
        });
      // An approved update as stored then: no plan id.
      await store.containers.updates.items.create(
        anUpdate({
          quarter: "2026-Q2",
          ref: "CSC-05",
          progress: "Panel in place",
          author: "jo@council.gov.uk",
          authorName: "Jo Morgan",
          state: "approved",
          submittedAt: "2026-09-01T09:00:00Z",
          revision: 0,
          decision: approvedBy("2026-09-02T09:00:00Z", {
            by: "dana@council.gov.uk",
            byName: "Dana Okafor",
          }),
        }),
      );
    });
    return dir;
  }

  it.each([
    [true, "Children and Young People Development Plan"],
    [false, SAMPLE_PLAN.name],
  ])(
    "keeps working with nothing re-imported (plan document stored: %s)",
    async (stored, name) => {
      const env = { DATA_DIR: await oldStore(stored), EMBEDDED_COSMOS_PORT: "0" };
      const plans = JSON.parse((await runCliHere(["plans", "--json"], env)).stdout) as PlanJson[];
      expect(plans).toEqual([
        {
          id: "default",
          name,
          actions: 19,
          priorities: SAMPLE_PLAN.priorities.map(({ number, name }) => ({ number, name })),
        },
      ]);
      const rows = JSON.parse((await runCliHere(["export", "--format", "json"], env)).stdout) as {
        ref: string;
        latestUpdate: { progress: string } | null;
      }[];
      expect(rows).toHaveLength(19);
      expect(rows.find((r) => r.ref === "CSC-05")?.latestUpdate?.progress).toBe("Panel in place");
      // One plan: --plan may be left out, and the same file finds every action unchanged.
      const again = await runCliHere(["import", SAMPLE], env);
      expect(again.stdout).toContain(`Plan "${name}"`);
      expect(again.stdout).toContain("0 created, 0 updated, 19 unchanged, 0 rejected");
      const renamed = await runCliHere(
        ["plan", "rename", name, "Rutland CYP Development Plan"],
        env,
      );
      expect(renamed.code).toBe(0);
      const after = JSON.parse((await runCliHere(["plans", "--json"], env)).stdout) as PlanJson[];
      expect(after.map((p) => [p.id, p.name, p.actions])).toEqual([
        ["default", "Rutland CYP Development Plan", 19],
      ]);
    },
    60_000,
  );
});
