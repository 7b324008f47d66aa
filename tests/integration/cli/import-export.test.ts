import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { runCli, runCliHere, tempDataDir } from "../../support/run-cli.ts";

const SAMPLE = new URL("../../../data/sample-plan.csv", import.meta.url).pathname;
const fixture = (name: string) => new URL(`../../fixtures/${name}`, import.meta.url).pathname;

describe("plan-tracker import and export", () => {
  const dir = tempDataDir();
  const env = { DATA_DIR: dir, EMBEDDED_COSMOS_PORT: "0" };

  beforeAll(async () => {
    const first = await runCli(["import", SAMPLE], env);
    expect(first.stderr).toBe("");
    expect(first.stdout).toContain("19 created, 0 updated, 0 unchanged, 0 rejected");
    expect(first.code).toBe(0);
  });

  it("reports everything unchanged when the same file is imported again", async () => {
    const again = await runCliHere(["import", SAMPLE], env);
    expect(again.stdout).toContain("0 created, 0 updated, 19 unchanged, 0 rejected");
    expect(again.code).toBe(0);
  });

  it("exports every Ref with its Lead and RAG as JSON", async () => {
    const out = await runCliHere(["export", "--format", "json"], env);
    expect(out.code).toBe(0);
    const rows = JSON.parse(out.stdout) as { ref: string; lead: string; rag: string | null }[];
    expect(rows).toHaveLength(19);
    expect(rows[0]).toMatchObject({ ref: "CSC-01", lead: "HoS / Service Manager", rag: "Green" });
    expect(rows.find((r) => r.ref === "CSC-19")).toMatchObject({ lead: "LADO/HoS", rag: "Amber" });
  });

  it("round-trips: an exported CSV imports back with nothing changed", async () => {
    const out = await runCliHere(["export", "--format", "csv"], env);
    const file = join(dir, "exported.csv");
    writeFileSync(file, out.stdout);
    const back = await runCliHere(["import", file], env);
    expect(back.stdout).toContain("0 created, 0 updated, 19 unchanged, 0 rejected");
  });

  it("writes nothing on a dry run", async () => {
    const dry = await runCliHere(["import", fixture("plymouth-plan.csv"), "--dry-run"], env);
    expect(dry.stdout).toContain("Dry run (nothing written): 8 created");
    const out = await runCliHere(["export", "--format", "json"], env);
    expect(JSON.parse(out.stdout)).toHaveLength(19);
  });

  it.each([
    ["missing-ref-column.csv", /Ref/],
    ["empty.csv", /empty/],
    ["binary.csv", /not a text CSV file/],
  ])("refuses %s as a whole, with exit 1 and a reason", async (name, reason) => {
    const result = await runCli(["import", fixture(name)], env);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(reason);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
  });

  it.each([
    ["bad-date.csv", 'row 3, column "Completion Date": "31/31/2022" is not a date'],
    ["bad-rag.csv", 'row 4, column "RAG": '],
  ])(
    "rejects the bad row of %s by number, writes the good ones, and exits 1",
    async (name, line) => {
      const before = await runCliHere(["export", "--format", "json"], env);
      const result = await runCliHere(["import", fixture(name)], env);
      expect(result.code).toBe(1);
      expect(result.stdout).toContain("1 rejected");
      expect(result.stdout).toContain(line);
      const after = await runCliHere(["export", "--format", "json"], env);
      // The rejected row's action keeps what was stored; the valid rows were identical, so nothing changed.
      expect(after.stdout).toBe(before.stdout);
    },
  );

  it("exports an Excel board report to a file", async () => {
    const file = join(dir, "board.xlsx");
    const out = await runCliHere(["export", "--format", "xlsx", "--out", file], env);
    expect(out.code).toBe(0);
    expect(out.stdout).toContain(`Exported 19 actions to ${file}`);
  });
});
