import { readFileSync } from "node:fs";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { bringPlanForward, readDemoPlan } from "../../../src/demo/demo-plan.ts";
import { SAMPLE_PLAN_PATH } from "../../../src/import/load-sample.ts";

const sampleRows = parse(readFileSync(SAMPLE_PLAN_PATH, "utf8"), { columns: true }) as Record<
  string,
  string
>[];

describe("the sample plan as the demo shows it", () => {
  it("runs from the current quarter: Rutland's 2022–23 dates moved on five years in November 2026", async () => {
    const { actions, years } = await readDemoPlan("2026-11-23");
    expect(years).toBe(5);
    const dues = actions.map((a) => a.completionDate.due).sort();
    expect(dues[0]).toBe("2027-03-31");
    expect(dues.at(-1)).toBe("2028-01-31");
  });

  it("writes each date as the plan did, years on, and reads it the same way", async () => {
    const { actions } = await readDemoPlan("2026-11-23");
    expect(actions).toHaveLength(sampleRows.length);
    for (const row of sampleRows) {
      const action = actions.find((a) => a.ref === row.Ref);
      const [month, year] = (row["Completion Date"] ?? "").split(" ");
      expect(action?.completionDate.text).toBe(`${month} ${Number(year) + 5}`);
      expect(action?.completionDate.due?.slice(0, 4)).toBe(String(Number(year) + 5));
    }
  });

  it("moves dates named in the progress text with the plan", async () => {
    const { actions } = await readDemoPlan("2026-11-23");
    const csc03 = actions.find((a) => a.ref === "CSC-03");
    expect(csc03?.progressUpdate).toContain("moves to September 2027");
    expect(csc03?.completionDate.text).toBe("September 2027");
  });

  it("keeps everything but the dates as the plan has it", async () => {
    const { actions } = await readDemoPlan("2026-11-23");
    for (const row of sampleRows) {
      const action = actions.find((a) => a.ref === row.Ref);
      expect(action?.lead).toBe(row.Lead);
      expect(action?.rag ?? "").toBe(row.RAG);
      expect(action?.developmentAction).toBe(row["Development Action"]?.trim());
    }
  });

  it("leaves a plan that already runs from today as it is", async () => {
    const { actions } = await readDemoPlan("2026-11-23");
    const again = bringPlanForward(actions, "2026-11-23");
    expect(again.years).toBe(0);
    expect(again.actions).toEqual(actions);
  });
});
