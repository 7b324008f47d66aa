/**
 * Importing a large Excel plan: a 5,000-row workbook laid out as councils write them (dates as
 * "September 2026", "Q3 2026/27", "30/11/2026", TBC; RAG as words and letters; several priorities in
 * one cell), generated with exceljs, imported with `importPlanFile` into a fresh embedded store,
 * timed from reading the file to the last action and audit entry written.
 * Run alone: `npx tsx bench/import-xlsx.ts [--quick]`.
 */
import { mkdtemp, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import ExcelJS from "exceljs";
import { SAMPLE_PLAN } from "../src/domain/plan.ts";
import { importPlanFile } from "../src/import/import-plan.ts";
import { silentLogger } from "../src/logger.ts";
import { CLI_ACTOR } from "../src/store/audit-log.ts";
import { startEmbeddedCosmos } from "../src/store/embedded/index.ts";
import { connectStore } from "../src/store/store.ts";

export interface ImportResult {
  rows: number;
  created: number;
  rejected: number;
  importMs: number;
  fileKb: number;
}

const DATES = ["September 2026", "Q3 2026/27", "30/11/2026", "end of March 2027", "TBC", "Sept 26"];
const RAGS = ["Red", "Amber", "Green", "R", "A", "G", "Completed"];
const LEADS = ["HoS / Service Manager", "IRO", "Team Manager", "LADO", "Virtual School Head"];

export async function writePlanWorkbook(path: string, rows: number): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Plan");
  sheet.addRow([
    "Action ref",
    "Priority",
    "Service area",
    "Area for improvement",
    "Actions",
    "Outcomes",
    "Delivery lead",
    "Target date",
    "RAG rating",
    "Progress milestones",
    "Measured by",
    "Progress update",
  ]);
  for (let n = 0; n < rows; n++) {
    sheet.addRow([
      `IMP-${String(n + 1).padStart(5, "0")}`,
      n % 4 === 0 ? `${(n % 5) + 1}; ${((n + 2) % 5) + 1}` : String((n % 5) + 1),
      n % 2 ? "Children in need of help and protection" : "Children looked after",
      `Quality of practice ${n % 30}`,
      `Embed the practice standards in team ${n}: monthly audits, feedback to social workers and a learning session each quarter.`,
      "Children's plans are specific, measurable and reviewed on time.",
      LEADS[n % LEADS.length],
      DATES[n % DATES.length],
      RAGS[n % RAGS.length],
      "Audit tool agreed; first audits completed; learning shared",
      "Audit grades; timeliness of reviews",
      n % 3 ? "" : "Audits started in two teams.",
    ]);
  }
  await workbook.xlsx.writeFile(path);
}

export async function runImportBench(o: { rows: number }): Promise<ImportResult> {
  const dir = await mkdtemp(join(tmpdir(), "plan-tracker-import-"));
  const file = join(dir, "plan.xlsx");
  await writePlanWorkbook(file, o.rows);
  const embedded = await startEmbeddedCosmos({ dataDir: join(dir, "data"), port: 0 });
  const store = await connectStore({
    target: { endpoint: embedded.endpoint, key: embedded.key, selfSigned: true },
    databaseId: "plan-tracker",
    clock: { now: () => new Date() },
    logger: silentLogger,
  });
  try {
    const started = performance.now();
    const report = await importPlanFile(store, SAMPLE_PLAN, file, {
      dryRun: false,
      actor: CLI_ACTOR,
    });
    const importMs = Math.round(performance.now() - started);
    const { size } = await stat(file);
    return {
      rows: o.rows,
      created: report.created.length,
      rejected: report.rejected.length,
      importMs,
      fileKb: Math.round(size / 1024),
    };
  } finally {
    await store.close();
    await embedded.stop();
    await rm(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  console.log(await runImportBench({ rows: process.argv.includes("--quick") ? 1_000 : 5_000 }));
}
