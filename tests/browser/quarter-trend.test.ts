import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { previousQuarter, quarterOf, todayIn } from "../../src/domain/calendar.ts";
import { anUpdate } from "../unit/xlsx/sample-rows.ts";
import {
  ARTIFACTS,
  type BrowserApp,
  DANA,
  JO,
  NO_CHROMIUM,
  startBrowserAppAsDana,
} from "./browser-setup.ts";

const approval = (at: string) => ({
  state: "approved" as const,
  decision: { outcome: "approved" as const, by: DANA.email, byName: DANA.name, at, comment: "" },
});

/** The RAG mix per quarter on the dashboard and an action's RAG history on its page. */
describe.skipIf(NO_CHROMIUM)("the trend across quarters in Chromium", () => {
  let b: BrowserApp;
  const now = quarterOf(todayIn("Europe/London", new Date()));
  const last = previousQuarter(now);

  beforeAll(async () => {
    b = await startBrowserAppAsDana();
    const { store } = b.app;
    // CSC-07: approved Red last quarter, then Green this quarter.
    await store.updates.create(
      anUpdate("CSC-07", last, {
        proposedRag: "Red",
        previousRag: "Amber",
        ...approval("2026-01-01T10:00:00.000Z"),
      }),
      JO,
    );
    await store.updates.create(
      anUpdate("CSC-07", now, {
        proposedRag: "Green",
        previousRag: "Red",
        ...approval("2026-01-02T10:00:00.000Z"),
      }),
      JO,
    );
  }, 120_000);

  afterAll(async () => {
    await b?.close();
  });

  it("draws each quarter's RAG mix with the same numbers in a table", async () => {
    const page = await b.page();
    await page.goto(`${b.base}/tab`);
    await page.locator("#trend-panel").waitFor({ state: "visible" });
    const rows = page.locator("#trend-table tbody tr");
    await expect.poll(() => rows.count()).toBe(2);
    const cells = async (i: number) =>
      (await rows.nth(i).locator("th, td").allTextContents()).map((t) => t.trim());
    const [lastRow, nowRow] = [await cells(0), await cells(1)];
    expect(lastRow[0]).toContain(`(${last})`);
    expect(nowRow[0]).toContain(`(${now}), so far`);
    // CSC-07 was Red last quarter and is Green now: one Red fewer, one Green more.
    expect(Number(nowRow[1])).toBe(Number(lastRow[1]) - 1);
    expect(Number(nowRow[3])).toBe(Number(lastRow[3]) + 1);
    const total = (row: string[]) => row.slice(1).reduce((sum, n) => sum + Number(n), 0);
    expect(total(lastRow)).toBe(19);
    expect(total(nowRow)).toBe(19);
    // The chart is drawn: its canvas holds a red segment (CSC-07, Red last quarter).
    const red = await page.evaluate(() => {
      const canvas = document.getElementById("trend-chart") as HTMLCanvasElement;
      const { data } = canvas.getContext("2d")?.getImageData(0, 0, canvas.width, canvas.height) ?? {
        data: [],
      };
      let count = 0;
      for (let i = 0; i < data.length; i += 4)
        if ((data[i] ?? 0) > 180 && (data[i + 1] ?? 255) < 80 && (data[i + 2] ?? 255) < 80)
          count += 1;
      return count;
    });
    expect(red).toBeGreaterThan(200);
    expect(await page.textContent("#trend-summary")).toContain(`(${last}):`);
    await page.locator("#trend-panel").screenshot({ path: join(ARTIFACTS, "quarter-trend.png") });
    expect(page.problems).toEqual([]);
  });

  it("shows an action's RAG at the end of each quarter on its page", async () => {
    const page = await b.page();
    await page.goto(`${b.base}/tab/actions/CSC-07`);
    const rows = page.locator("#rag-history tbody tr");
    await expect.poll(() => rows.count()).toBe(2);
    expect((await rows.nth(0).textContent())?.replace(/\s+/g, " ")).toContain(`(${last})Red`);
    expect((await rows.nth(1).textContent())?.replace(/\s+/g, " ")).toContain("so farGreen");
    await page.screenshot({ path: join(ARTIFACTS, "action-rag-history.png"), fullPage: true });
    expect(page.problems).toEqual([]);
  });
});
