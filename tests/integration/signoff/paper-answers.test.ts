import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import mammoth from "mammoth";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCliHere } from "../../support/run-cli.ts";
import { cardText } from "../../support/stand-in-connector.ts";
import { cardProblems } from "../../support/validate-card.ts";
import { decisionData, QUARTER, type SignOffWorld, startSignOffWorld } from "./signoff-fixture.ts";

const DIFFERENCE = "Children now see the same social worker at each visit.";
const NEXT_STEPS = "Repeat the dip sample in March & share it with <b>partners</b>.";

/**
 * The update form's two optional answers for the board paper, end to end: sent through the bot's
 * endpoint, shown on DMT's sign-off card, approved, returned by the tab's action API and written
 * into the quarter's Word report.
 */
describe("the board paper's answers on an update", () => {
  let w: SignOffWorld;
  beforeAll(async () => {
    w = await startSignOffWorld();
  }, 60_000);
  afterAll(() => w?.close());

  /** The update form as Teams sends it on Submit; an older form sends no answers at all. */
  const form = (ref: string, answers: Record<string, string> = {}) => ({
    ref,
    quarter: QUARTER,
    revision: 0,
    progress: "Dip sample of 40 strategy discussions: 92% rated good or better.",
    proposedRag: "Amber",
    revisedDate: "",
    revisedDateReason: "",
    evidenceUrl: "",
    proposeCompletion: "false",
    ragJustification: "",
    ...answers,
  });
  const stored = async (ref: string) => (await w.t.store.updates.get(QUARTER, ref, "default"))?.doc;

  it("stores them, trimmed, from the form's Submit, and shows them on every DMT sign-off card", async () => {
    const pressed = await w.t.press(
      w.lead,
      "submitUpdate",
      form("CSC-07", { difference: `  ${DIFFERENCE}\n`, nextSteps: NEXT_STEPS }),
    );
    expect(pressed.status).toBe(200);
    await w.t.idle();
    expect(await stored("CSC-07")).toMatchObject({
      difference: DIFFERENCE,
      nextSteps: NEXT_STEPS,
      revision: 1,
    });
    for (const member of [w.dee, w.sam]) {
      const [card] = w.signOffCardsTo(member, "CSC-07");
      expect(cardProblems(card)).toEqual([]);
      const text = cardText(card);
      expect(text).toContain("What difference has this made for children and families?");
      expect(text).toContain(DIFFERENCE);
      expect(text).toContain("What happens next?");
    }
  });

  it("treats the same Submit pressed again as one update", async () => {
    await w.t.press(
      w.lead,
      "submitUpdate",
      form("CSC-07", { difference: DIFFERENCE, nextSteps: NEXT_STEPS }),
    );
    await w.t.idle();
    expect((await stored("CSC-07"))?.revision).toBe(1);
    expect(w.signOffCardsTo(w.dee, "CSC-07")).toHaveLength(1);
  });

  it("stores one update when the same Submit arrives twice at once, and an edited answer as an edit", async () => {
    const sent = form("CSC-11", { difference: DIFFERENCE, nextSteps: NEXT_STEPS });
    await Promise.all([
      w.t.press(w.lead, "submitUpdate", sent),
      w.t.press(w.lead, "submitUpdate", sent),
    ]);
    await w.t.idle();
    expect(await stored("CSC-11")).toMatchObject({ revision: 1, difference: DIFFERENCE });
    expect(w.signOffCardsTo(w.dee, "CSC-11")).toHaveLength(1);
    // A change to an answer alone is an edit, saved as the next revision.
    await w.t.press(w.lead, "submitUpdate", { ...sent, revision: 1, nextSteps: "Report in May." });
    await w.t.idle();
    expect(await stored("CSC-11")).toMatchObject({ revision: 2, nextSteps: "Report in May." });
  });

  it("accepts the old form, and empty answers, changing nothing about the update", async () => {
    await w.t.press(w.lead, "submitUpdate", form("CSC-02"));
    await w.t.press(w.lead, "submitUpdate", form("CSC-03", { difference: " ", nextSteps: "" }));
    await w.t.idle();
    for (const ref of ["CSC-02", "CSC-03"]) {
      const update = await stored(ref);
      expect(update?.state).toBe("submitted");
      expect(update && Object.keys(update)).not.toContain("difference");
      expect(update && Object.keys(update)).not.toContain("nextSteps");
      expect(cardText(w.signOffCardsTo(w.dee, ref)[0])).not.toContain("What difference");
    }
  });

  it("once approved, the tab's action page and the quarter's Word report show them", async () => {
    const update = await stored("CSC-07");
    if (!update) throw new Error("CSC-07 has no update");
    const approved = await w.t.press(w.dee, "approveUpdate", decisionData(update));
    expect(cardText(approved.card)).toContain("Approved by Dee Director");
    await w.t.idle();

    const response = await fetch(
      `http://127.0.0.1:${w.t.app.port}/api/actions/CSC-07?as=${encodeURIComponent(w.dee.email)}`,
    );
    expect(response.status).toBe(200);
    const view = (await response.json()) as { updates: Record<string, unknown>[] };
    expect(view.updates[0]).toMatchObject({
      quarter: QUARTER,
      state: "approved",
      difference: DIFFERENCE,
      nextSteps: NEXT_STEPS,
    });

    const out = join(w.t.dataDir, "report.docx");
    const run = await runCliHere(["report", "--quarter", QUARTER, "--out", out], {
      DATA_DIR: w.t.dataDir,
      EMBEDDED_COSMOS_PORT: "0",
    });
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const text = (await mammoth.extractRawText({ buffer: await readFile(out) })).value;
    const profile = text.slice(text.indexOf("Progress by priority"));
    const asked = profile.indexOf("What difference has this made for children and families?");
    expect(asked).toBeGreaterThan(-1);
    expect(profile.slice(asked)).toContain(DIFFERENCE);
    expect(profile).toContain("What happens next?");
    // Typed markup reaches the paper as typed.
    expect(profile).toContain(NEXT_STEPS);
  }, 60_000);

  it("exports them beside the latest progress, and the exported CSV imports back unchanged", async () => {
    const env = { DATA_DIR: w.t.dataDir, EMBEDDED_COSMOS_PORT: "0" };
    const csv = await runCliHere(["export", "--format", "csv"], env);
    expect(csv.code).toBe(0);
    const rows = parse(csv.stdout, { columns: true }) as Record<string, string>[];
    expect(rows.find((r) => r.Ref === "CSC-07")).toMatchObject({
      "Difference Made": DIFFERENCE,
      "What Happens Next": NEXT_STEPS,
    });
    expect(rows.find((r) => r.Ref === "CSC-02")).toMatchObject({
      "Difference Made": "",
      "What Happens Next": "",
    });
    const file = join(w.t.dataDir, "exported.csv");
    await writeFile(file, csv.stdout);
    const back = await runCliHere(["import", file], env);
    expect(back.stdout).toContain("0 created, 0 updated, 19 unchanged, 0 rejected");

    const xlsx = join(w.t.dataDir, "board.xlsx");
    expect((await runCliHere(["export", "--format", "xlsx", "--out", xlsx], env)).code).toBe(0);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(xlsx);
    const found = book.worksheets
      .flatMap((sheet) => sheet.getRows(1, sheet.rowCount) ?? [])
      .map((row) => (row.values as unknown[]).map(String))
      .find((values) => values.includes("CSC-07") && values.includes(DIFFERENCE));
    expect(found).toContain(NEXT_STEPS);
  }, 60_000);
});
