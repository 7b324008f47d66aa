import { rm } from "node:fs/promises";
import { afterAll, describe, expect, it } from "vitest";
import { runCliHere, tempDataDir } from "../../support/run-cli.ts";

/** A plan whose Priority cells name the council's own priorities, in the ways councils write them. */
const file = new URL("../../fixtures/councils/named-priorities.csv", import.meta.url).pathname;

describe("a plan with named priorities, Action no, Lead officer and Target date", () => {
  const dir = tempDataDir("plan-tracker-named-");
  const env = { DATA_DIR: dir, EMBEDDED_COSMOS_PORT: "0" };
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it("stores every row, accounts for every header, and reads dates and RAG", async () => {
    const run = await runCliHere(["import", file, "--json"], env);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as {
      created: string[];
      rejected: unknown[];
      headers: { header: string; field: string | null }[];
    };
    expect(report.rejected).toEqual([]);
    expect(report.created).toHaveLength(5);
    expect(report.headers.map((h) => [h.header, h.field])).toEqual([
      ["Action no", "Ref"],
      ["Priority", "Priority"],
      ["Workstream", "Section"],
      ["Action", "Development Action"],
      ["Lead officer", "Lead"],
      ["Target date", "Completion Date"],
      ["RAG", "RAG"],
      ["Latest update", "Progress Update"],
    ]);
    const exported = await runCliHere(["export", "--format", "json"], env);
    const byRef = new Map(
      (JSON.parse(exported.stdout) as { ref: string }[]).map((a) => [
        a.ref,
        a as Record<string, unknown>,
      ]),
    );
    expect(byRef.get("A2")).toMatchObject({ dueDate: "2025-09-30", rag: "Amber" });
    expect(byRef.get("A3")).toMatchObject({ dueDate: "2025-12-31", rag: "Green" });
    expect(byRef.get("A4")).toMatchObject({
      completionDate: "Termly",
      dueDate: null,
      complete: true,
    });
    expect(byRef.get("A5")).toMatchObject({ dueDate: "2025-12-31", rag: "Red" });
  });
});
