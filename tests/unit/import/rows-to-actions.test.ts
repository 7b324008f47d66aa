import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { SAMPLE_PLAN } from "../../../src/domain/plan.ts";
import { readCsv } from "../../../src/import/read-table.ts";
import { rowsToActions } from "../../../src/import/rows-to-actions.ts";

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/${name}`, import.meta.url));
const read = (bytes: Buffer) => rowsToActions(readCsv(bytes, "plan.csv"), SAMPLE_PLAN);

describe("reading plan rows", () => {
  it("reads all 19 actions of the sample plan with nothing rejected", () => {
    const result = read(readFileSync("data/sample-plan.csv"));
    if ("headerProblem" in result) throw new Error(result.headerProblem);
    expect(result.rejected).toEqual([]);
    expect(result.actions.map((a) => a.action.ref)).toEqual(
      Array.from({ length: 19 }, (_, i) => `CSC-${String(i + 1).padStart(2, "0")}`),
    );
    const csc09 = result.actions.find((a) => a.action.ref === "CSC-09")?.action;
    expect(csc09?.priorities).toEqual([3, 4]);
    expect(csc09?.completionDate.due).toBe("2022-03-31");
    expect(csc09?.lead).toBe("HoS/ Service Manager/ Team Manager");
    expect(csc09?.rag).toBe("Amber");
  });

  it("reads a Plymouth-style plan: its own headers, TBC dates, milestones and merged area cells", () => {
    const result = read(fixture("plymouth-plan.csv"));
    if ("headerProblem" in result) throw new Error(result.headerProblem);
    expect(result.rejected).toEqual([]);
    const byRef = new Map(result.actions.map((a) => [a.action.ref, a.action]));
    expect([...byRef.keys()]).toEqual(["1.1", "1.2", "1.3", "1.4", "2.1", "4.1", "4.2", "13.1"]);
    expect(byRef.get("1.1")?.completionDate).toMatchObject({ tbc: true, due: null });
    expect(byRef.get("1.2")?.completionDate.due).toBe("2015-01-31");
    expect(byRef.get("2.1")?.completionDate).toMatchObject({
      due: "2015-03-31",
      milestones: ["2015-02-28", "2015-03-31"],
    });
    // The area for improvement is written once per group and carried down to its actions.
    expect(byRef.get("1.3")?.deliveryArea).toBe(
      "1: Ensure that practitioners have reasonable workloads",
    );
    expect(byRef.get("1.4")?.lead).toBe("Alison Botham");
    expect(byRef.get("1.1")?.expectedOutcome).toBe(
      "Develop better intelligence about the nature of current case loads",
    );
  });

  it("names the row, column and reason of an impossible date, and keeps the other rows", () => {
    const result = read(fixture("bad-date.csv"));
    if ("headerProblem" in result) throw new Error(result.headerProblem);
    expect(result.rejected).toEqual([
      expect.objectContaining({
        rowNumber: 3,
        column: "Completion Date",
        reason: expect.stringContaining("31/31/2022"),
      }),
    ]);
    expect(result.actions.map((a) => a.action.ref)).toEqual(["CSC-01", "CSC-03"]);
  });

  it("refuses an unknown RAG value, listing the accepted ones", () => {
    const result = read(fixture("bad-rag.csv"));
    if ("headerProblem" in result) throw new Error(result.headerProblem);
    expect(result.rejected).toHaveLength(1);
    expect(result.rejected[0]).toMatchObject({ rowNumber: 4, column: "RAG" });
    expect(result.rejected[0]?.reason).toMatch(/Purple/);
    expect(result.rejected[0]?.reason).toMatch(/Red/);
  });

  it("refuses a file without a Ref column as a whole", () => {
    const result = read(fixture("missing-ref-column.csv"));
    expect(result).toHaveProperty("headerProblem");
    expect((result as { headerProblem: string }).headerProblem).toMatch(/Ref/);
  });

  it("refuses an empty file and a binary file with a message that says what to do", () => {
    expect(() => readCsv(fixture("empty.csv"), "empty.csv")).toThrow(/empty/);
    expect(() => readCsv(fixture("binary.csv"), "binary.csv")).toThrow(/not a text CSV file/);
  });

  it("rejects a second row with the same Ref; a priority number the plan lacks becomes a new priority", () => {
    const csv = Buffer.from(
      "Ref,Priority,Development Action,Lead\nA-1,3,Do it,HoS\nA-1,3,Again,HoS\nA-2,9,Other,HoS\nA-3,domestic abuse,Named,HoS\n",
    );
    const result = read(csv);
    if ("headerProblem" in result) throw new Error(result.headerProblem);
    expect(result.rejected.map((r) => [r.rowNumber, r.column])).toEqual([[3, "Ref"]]);
    expect(result.actions.find((a) => a.action.ref === "A-2")?.action.priorities).toEqual([9]);
    expect(result.addedPriorities).toEqual([{ number: 9, name: "Priority 9", description: "" }]);
    expect(result.actions.find((a) => a.action.ref === "A-3")?.action.priorities).toEqual([4]);
  });
});
