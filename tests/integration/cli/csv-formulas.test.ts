import { rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../../src/config.ts";
import type { Update } from "../../../src/domain/update.ts";
import { silentLogger } from "../../../src/logger.ts";
import { openStore } from "../../../src/store/open-store.ts";
import { anUpdate } from "../../support/builders.ts";
import { runCli, tempDataDir } from "../../support/run-cli.ts";

const HYPERLINK = '=HYPERLINK("http://evil.example","x")';

/** Cells a spreadsheet program would run as formulas, each in a column the export writes. */
const PLAN = [
  "Ref,Priority,Section,Delivery Area,Development Action,Expected Outcome,Lead,Completion Date,RAG,Action We Will Take,How Will We Know,Progress Update",
  `F-01,1,Practice,Audit,"${HYPERLINK.replaceAll('"', '""')}",+1,IRO,30/11/2026,Amber,-x,@SUM(A1:A2),"- did X\n- did Y"`,
  "F-02,1,Practice,Audit,-5,Plans on time,IRO,30/11/2026,Amber,Audits,Grades,",
  "F-03,1,Practice,Audit,Embed the standards,Plans on time,IRO,30/11/2026,Amber,Audits,Grades,",
  "F-04,1,Practice,Audit,Embed the standards,Plans on time,IRO,30/11/2026,Amber,Audits,Grades,",
  "F-05,1,Practice,Audit,Embed the standards,Plans on time,IRO,30/11/2026,Amber,Audits,Grades,",
  "F-06,1,Practice,Audit,Embed the standards,Plans on time,IRO,30/11/2026,Amber,Audits,Grades,",
];

/** A lead's latest progress text per action: what the export writes in "Latest Update". */
const PROGRESS: Record<string, string> = {
  "F-01": HYPERLINK,
  "F-02": "\tindented with a tab",
  "F-03": "\rstarting with a carriage return",
  "F-04": "+1 more visit booked",
  "F-05": "@SUM(A1:A9)",
  "F-06": "-x",
};

const FORMULA_START = /^[=+\-@\t\r]/;

describe("a CSV export of cells that would run as formulas", () => {
  const dir = tempDataDir();
  const env = { DATA_DIR: dir, EMBEDDED_COSMOS_PORT: "0" };
  const planFile = join(dir, "plan.csv");
  let exported = "";

  beforeAll(async () => {
    writeFileSync(planFile, `${PLAN.join("\n")}\n`);
    const first = await runCli(["import", planFile], env);
    expect(first.stdout).toContain("6 created, 0 updated, 0 unchanged, 0 rejected");
    // The progress texts come from leads in the chat; they are written here as a submit stores them.
    const config = loadConfig({ ...env, LOG_LEVEL: "silent" });
    const clock = { now: () => new Date("2026-10-01T09:00:00.000Z") };
    const store = await openStore({ config, clock, logger: silentLogger, role: "cli" });
    try {
      for (const [ref, progress] of Object.entries(PROGRESS))
        await store.updates.create(anUpdateWith(ref, progress), { id: "test", name: "Test setup" });
    } finally {
      await store.close();
    }
    const out = await runCli(["export", "--format", "csv"], env);
    expect(out.code).toBe(0);
    exported = out.stdout;
  }, 120_000);

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("writes each of them with a leading ' and no cell starting with a formula character", () => {
    const [header = [], ...rows] = parse(exported, { relax_column_count: true }) as string[][];
    const column = (name: string) => header.indexOf(name);
    const f01 = rows.find((r) => r[0] === "F-01") ?? [];
    expect(f01[column("Development Action")]).toBe(`'${HYPERLINK}`);
    expect(f01[column("Expected Outcome")]).toBe("'+1");
    expect(f01[column("Action We Will Take")]).toBe("'-x");
    expect(f01[column("How Will We Know")]).toBe("'@SUM(A1:A2)");
    expect(f01[column("Progress Update")]).toBe("'- did X\n- did Y");
    expect(rows.find((r) => r[0] === "F-02")?.[column("Development Action")]).toBe("'-5");
    expect(Object.fromEntries(rows.map((r) => [r[0], r[column("Latest Update")]]))).toEqual(
      Object.fromEntries(Object.entries(PROGRESS).map(([ref, text]) => [ref, `'${text}`])),
    );
    expect(rows.flat().filter((cell) => FORMULA_START.test(cell))).toEqual([]);
  });

  it("imports back with nothing changed and every text as it was", async () => {
    const file = join(dir, "exported.csv");
    writeFileSync(file, exported);
    const back = await runCli(["import", file], env);
    expect(back.stdout).toContain("0 created, 0 updated, 6 unchanged, 0 rejected");
    expect(back.code).toBe(0);

    const json = await runCli(["export", "--format", "json"], env);
    const rows = JSON.parse(json.stdout) as {
      ref: string;
      developmentAction: string;
      expectedOutcome: string;
      actionWeWillTake: string;
      howWillWeKnow: string;
      progressUpdate: string;
      latestUpdate: { progress: string } | null;
    }[];
    expect(rows.find((r) => r.ref === "F-01")).toMatchObject({
      developmentAction: HYPERLINK,
      expectedOutcome: "+1",
      actionWeWillTake: "-x",
      howWillWeKnow: "@SUM(A1:A2)",
      progressUpdate: "- did X\n- did Y",
    });
    expect(rows.find((r) => r.ref === "F-02")?.developmentAction).toBe("-5");
    expect(Object.fromEntries(rows.map((r) => [r.ref, r.latestUpdate?.progress]))).toEqual(
      PROGRESS,
    );
  }, 60_000);
});

function anUpdateWith(ref: string, progress: string): Update {
  return anUpdate({
    ref,
    progress,
    proposedRag: "Amber",
    author: "jo.morgan@council.gov.uk",
    authorName: "Jo Morgan",
    submittedAt: "2026-10-01T09:00:00.000Z",
  });
}
