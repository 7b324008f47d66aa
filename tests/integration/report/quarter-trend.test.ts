import { rm } from "node:fs/promises";
import mammoth from "mammoth";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningApp, startApp } from "../../../src/app.ts";
import { quarterOf, todayIn } from "../../../src/domain/calendar.ts";
import type { Update } from "../../../src/domain/update.ts";
import { anUpdate } from "../../support/builders.ts";
import { tempDataDir } from "../../support/run-cli.ts";
import { seedReportStore } from "./report-fixture.ts";

const DANA = { id: "dana.okafor@council.example", name: "Dana Okafor" };

/**
 * The trend across quarters through the real server: the demo's last quarter (CSC-06, 11 and 16
 * approved Red), then DMT approves CSC-06 Green this quarter. The dashboard's trend, CSC-06's page
 * and the Word report of last quarter must all still say CSC-06 was Red then.
 */
describe("the RAG mix per quarter, from DMT's decisions", () => {
  const dataDir = tempDataDir("plan-tracker-trend-");
  let app: RunningApp;
  let base: string;
  let lastQuarter: string;
  let thisQuarter: string;

  beforeAll(async () => {
    lastQuarter = await seedReportStore(dataDir);
    thisQuarter = quarterOf(todayIn("Europe/London", new Date()));
    app = await startApp({
      env: { PORT: "0", DATA_DIR: dataDir, EMBEDDED_COSMOS_PORT: "0", LOG_LEVEL: "silent" },
    });
    base = `http://127.0.0.1:${app.port}`;
    // This quarter's approval of CSC-06 as Green, written as an approval writes it: the update and
    // the action's official RAG.
    const sent = anUpdate({
      quarter: thisQuarter,
      ref: "CSC-06",
      progress: "Caseloads back within limits.",
      author: DANA.id,
      authorName: DANA.name,
      submittedAt: new Date().toISOString(),
      revision: 0,
      previousRag: "Red",
    });
    const created = await app.store.updates.create(sent, DANA);
    const approved: Update = {
      ...sent,
      state: "approved",
      decision: {
        outcome: "approved",
        by: DANA.id,
        byName: DANA.name,
        at: new Date().toISOString(),
        comment: "",
      },
    };
    await app.store.updates.replace(approved, created.etag, DANA, sent);
    const action = await app.store.actions.get("CSC-06", "default");
    if (!action) throw new Error("the demo has no CSC-06");
    await app.store.actions.replace({ ...action.doc, rag: "Green" }, action.etag, DANA, action.doc);
  }, 60_000);

  afterAll(async () => {
    await app?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it("gives the dashboard each quarter's RAG mix, last quarter's as DMT approved it", async () => {
    const view = await (await fetch(`${base}/api/plan`)).json();
    const byQuarter = view.byQuarter as Array<Record<string, unknown>>;
    const last = byQuarter.find((q) => q.quarter === lastQuarter);
    const now = byQuarter.find((q) => q.quarter === thisQuarter);
    expect(last).toMatchObject({ Red: 3, current: false });
    expect(now).toMatchObject({ Red: 2, current: true });
    expect(Number(now?.Green)).toBe(Number(last?.Green) + 1);
    // Every action once in each quarter.
    for (const q of byQuarter)
      expect(Number(q.Red) + Number(q.Amber) + Number(q.Green) + Number(q.notRated)).toBe(19);
  });

  it("gives an action's page its RAG at the end of each quarter", async () => {
    const view = await (await fetch(`${base}/api/actions/CSC-06`)).json();
    expect(view.ragHistory).toEqual([
      expect.objectContaining({ quarter: lastQuarter, rag: "Red", current: false }),
      expect.objectContaining({ quarter: thisQuarter, rag: "Green", current: true }),
    ]);
  });

  it("keeps the access rule: a lead's trend counts only the actions they lead", async () => {
    const jo = await (await fetch(`${base}/api/plan?as=jo.morgan@council.example`)).json();
    const last = (jo.byQuarter as Array<Record<string, number | string>>).find(
      (q) => q.quarter === lastQuarter,
    );
    const total = ["Red", "Amber", "Green", "notRated"].reduce(
      (sum, k) => sum + Number(last?.[k]),
      0,
    );
    expect(total).toBe(jo.total);
    expect(total).toBeLessThan(19);
  });

  it("reports last quarter with last quarter's ratings, even after this quarter's approval", async () => {
    const response = await fetch(`${base}/api/report.docx?quarter=${lastQuarter}`);
    expect(response.status).toBe(200);
    const buffer = Buffer.from(await response.arrayBuffer());
    const { value } = await mammoth.extractRawText({ buffer });
    const cells = value.split(/\n+/).map((line) => line.trim());
    const row = cells.indexOf("Whole plan (each action once)");
    expect(row).toBeGreaterThan(0);
    // Red is the first count after the row's label: CSC-06, 11 and 16, as approved last quarter.
    expect(cells[row + 1]?.replace(/ \(was .*\)$/, "")).toBe("3");
    // The paper says the rule the dashboard says.
    expect(value).toContain(
      "An action with no approved update in a quarter keeps the rating it had",
    );
  });
});
