import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import { beforeAll, describe, expect, it } from "vitest";
import { runCli, runCliHere, tempDataDir } from "../../support/run-cli.ts";

const PLYMOUTH = new URL("../../fixtures/plymouth-plan.csv", import.meta.url).pathname;

// Numbered 1.1, 1.2 like Plymouth's plan, so the two plans' Refs collide in one export.
const SEND_CSV = `Ref,Priority,Development Action,Lead,Completion Date,RAG
1.1,Early identification of need,Publish the graduated approach for early years settings,SEND Service Manager,March 2026,Amber
1.2,Preparing for adulthood,Agree transition plans at Year 9 for every young person with an EHCP,Head of SEND,September 2026,Red
`;

type RowJson = { planName: string; ref: string; lead: string } & Record<string, unknown>;

describe("an export of every plan, imported back", () => {
  const dir = tempDataDir();
  const env = { DATA_DIR: dir, EMBEDDED_COSMOS_PORT: "0" };
  const cli = (...args: string[]) => runCliHere(args, env);
  const rows = async () =>
    JSON.parse((await cli("export", "--format", "json")).stdout) as RowJson[];
  const edited = join(dir, "all-plans.csv");
  let before: RowJson[] = [];

  beforeAll(async () => {
    const send = join(dir, "send.csv");
    writeFileSync(send, SEND_CSV);
    expect(
      (await runCli(["import", PLYMOUTH, "--plan", "Plymouth Improvement Plan"], env)).stderr,
    ).toBe("");
    expect((await cli("import", send, "--plan", "SEND plan")).stderr).toBe("");
    before = await rows();
    // The CSV export of every plan, one Lead changed in each plan's 1.1 (same Ref in both).
    const [header = [], ...body] = parse((await cli("export")).stdout) as string[][];
    const lead = header.indexOf("Lead");
    for (const cells of body) {
      if (cells[1] === "1.1") cells[lead] = `${cells[lead]} (acting)`;
      // The Plan cells as people retype them: any case, any spacing.
      if (cells[0] === "SEND plan") cells[0] = "send  PLAN";
    }
    writeFileSync(edited, stringify([header, ...body]));
  }, 60_000);

  it("with --plan, refuses the other plan's rows, naming row, column and fix", async () => {
    const result = await cli("import", edited, "--plan", "SEND plan", "--dry-run");
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('column 1 "Plan": read as the plan each row goes into');
    expect(result.stdout).toContain("0 created, 1 updated, 1 unchanged, 8 rejected");
    expect(result.stdout).toMatch(
      /row 2, column "Plan": this row is in the plan "Plymouth Improvement Plan", not "SEND plan": import without --plan/,
    );
  });

  it("without --plan, puts each row into the plan its Plan cell names", async () => {
    const result = await cli("import", edited);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Plan "Plymouth Improvement Plan"');
    expect(result.stdout).toContain('Plan "SEND plan"');
    expect(result.stdout).toContain("0 created, 1 updated, 7 unchanged, 0 rejected");
    expect(result.stdout).toContain("0 created, 1 updated, 1 unchanged, 0 rejected");
    expect(result.stdout).not.toContain('"Plan": kept as an extra column');
    const after = await rows();
    const changed = after.filter((r, i) => JSON.stringify(r) !== JSON.stringify(before[i]));
    expect(changed.map((r) => [r.planName, r.ref, r.lead])).toEqual([
      ["Plymouth Improvement Plan", "1.1", "Alison Botham (acting)"],
      ["SEND plan", "1.1", "SEND Service Manager (acting)"],
    ]);
    expect((await cli("plans", "--json")).stdout.match(/"id"/g)).toHaveLength(2);
  });

  it("refuses a row with an empty Plan cell when there are several plans, and names the fix", async () => {
    const [header = [], ...body] = parse(readFileSync(edited, "utf8")) as string[][];
    const send12 = body.findIndex((cells) => cells[0] === "send  PLAN" && cells[1] === "1.2");
    (body[send12] as string[])[0] = "";
    const blank = join(dir, "blank-plan.csv");
    writeFileSync(blank, stringify([header, ...body]));
    const result = await cli("import", blank, "--json");
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as {
      rejected: { rowNumber: number; column: string; reason: string }[];
    };
    expect(report.rejected).toEqual([
      {
        rowNumber: send12 + 2,
        column: "Plan",
        reason: expect.stringMatching(
          /the Plan cell is empty and there are several plans .*--plan "NAME"/,
        ),
      },
    ]);
  });
});
