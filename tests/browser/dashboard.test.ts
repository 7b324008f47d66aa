import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { anUpdate } from "../unit/xlsx/sample-rows.ts";
import {
  ARTIFACTS,
  type BrowserApp,
  DANA,
  JO,
  NO_CHROMIUM,
  startBrowserAppAsDana,
} from "./browser-setup.ts";

/** Progress text is whatever a lead typed: markup in it must show as text, never run. */
const TYPED_MARKUP =
  'Dip sample done <b>not bold</b> <img src="x" onerror="window.__injected = true">';

describe.skipIf(NO_CHROMIUM)("the dashboard tab in Chromium", () => {
  let b: BrowserApp;

  beforeAll(async () => {
    b = await startBrowserAppAsDana();
    const { store } = b.app;
    await store.updates.create(
      anUpdate("CSC-07", "2026-Q1", {
        state: "approved",
        progress: "Contingency section added to the case recording template.",
        difference: "Families hear <i>sooner</i> what happens if a plan breaks down.",
        nextSteps: "Audit 10 plans in the summer.",
        decision: {
          outcome: "approved",
          by: DANA.email,
          byName: DANA.name,
          at: "2026-06-25T10:00:00.000Z",
          comment: "Good progress.",
        },
      }),
      JO,
    );
    await store.updates.create(
      anUpdate("CSC-07", "2026-Q2", { progress: TYPED_MARKUP, proposedRag: "Amber" }),
      JO,
    );
  }, 120_000);

  afterAll(async () => {
    await b?.close();
  });

  it("loads with the development banner, the chart and every action", async () => {
    const page = await b.page();
    await page.goto(`${b.base}/tab`);
    await expect.poll(() => page.textContent("#results-count")).toBe("Showing all 19 actions");
    expect(await page.getByRole("note").textContent()).toContain("Development mode");
    expect(await page.getByRole("note").textContent()).toContain("Dana Director");
    expect(await page.locator("#actions-table tbody tr").count()).toBe(19);
    // One plan: no plan picker, and links to actions as they always were.
    expect(await page.getByLabel("Plan", { exact: true }).isVisible()).toBe(false);
    expect(await page.getByRole("link", { name: "CSC-07", exact: true }).getAttribute("href")).toBe(
      "/tab/actions/CSC-07",
    );
    expect(await page.getAttribute("#results-count", "aria-live")).toBe("polite");
    await page.screenshot({ path: join(ARTIFACTS, "dashboard.png") });
    expect(page.problems).toEqual([]);
  });

  it("draws RAG by priority: the chart's canvas has amber and green bars", async () => {
    const page = await b.page();
    await page.goto(`${b.base}/tab`);
    await page.waitForSelector("#rag-chart");
    const colours = () =>
      page.evaluate(() => {
        const canvas = document.getElementById("rag-chart") as HTMLCanvasElement;
        const { data } = canvas
          .getContext("2d")
          ?.getImageData(0, 0, canvas.width, canvas.height) ?? { data: [] };
        let amber = 0;
        let green = 0;
        for (let i = 0; i < data.length; i += 4) {
          const [r, g, b2] = [data[i] ?? 0, data[i + 1] ?? 0, data[i + 2] ?? 0];
          if (r > 240 && g > 180 && g < 205 && b2 < 20) amber += 1;
          if (r < 20 && g > 160 && g < 190 && b2 > 65 && b2 < 95) green += 1;
        }
        return { amber, green };
      });
    await expect.poll(async () => (await colours()).amber).toBeGreaterThan(500);
    expect((await colours()).green).toBeGreaterThan(500);
    expect(await page.textContent("#chart-summary")).toContain(
      "Priority 3, Protecting children at risk of harm:",
    );
  });

  it("narrows the table with a filter and keeps the filter in the address", async () => {
    const page = await b.page();
    await page.goto(`${b.base}/tab`);
    await expect.poll(() => page.textContent("#results-count")).toBe("Showing all 19 actions");
    await page.getByLabel("Priority", { exact: true }).selectOption("1");
    await expect.poll(() => page.textContent("#results-count")).toBe("Showing 3 of 19 actions");
    expect(new URL(page.url()).searchParams.get("priority")).toBe("1");
    const priorities = await page
      .locator("#actions-table tbody td[data-label='Priority']")
      .allTextContents();
    expect(priorities).toEqual(["1", "1", "1"]);

    await page.reload();
    await expect.poll(() => page.textContent("#results-count")).toBe("Showing 3 of 19 actions");
    expect(await page.getByLabel("Priority", { exact: true }).inputValue()).toBe("1");

    await page.getByRole("button", { name: "Clear filters" }).click();
    await expect.poll(() => page.textContent("#results-count")).toBe("Showing all 19 actions");
    await page.getByRole("checkbox", { name: "Awaiting sign-off" }).check();
    await expect.poll(() => page.textContent("#results-count")).toBe("Showing 1 of 19 actions");
    expect(new URL(page.url()).search).toBe("?awaiting=1");
    expect(
      await page.locator("#actions-table tbody td[data-label='Ref']").allTextContents(),
    ).toEqual(["CSC-07"]);
    expect(page.problems).toEqual([]);
  });

  it("opens an action's page with its updates, decisions and history, showing typed markup as text", async () => {
    const page = await b.page();
    await page.goto(`${b.base}/tab?priority=3`);
    await page.getByRole("link", { name: "CSC-07", exact: true }).click();
    await page.waitForURL(/\/tab\/actions\/CSC-07$/);
    await expect
      .poll(() => page.textContent("#action-heading"))
      .toMatch(/^CSC-07: Regular review of CP cases/);
    const updates = page.locator("#action-body .updates > li");
    expect(await updates.count()).toBe(2);
    expect(await updates.nth(0).textContent()).toContain("Awaiting sign-off");
    expect(await updates.nth(0).textContent()).toContain(TYPED_MARKUP);
    expect(await updates.nth(1).textContent()).toContain("Approved by Dana Director");
    expect(await updates.nth(1).textContent()).toContain("Good progress.");
    // The board paper's answers, under their questions, typed markup shown as text.
    const approved = (await updates.nth(1).textContent()) ?? "";
    expect(approved).toContain(
      "What difference has this made for children and families?Families hear <i>sooner</i> what happens",
    );
    expect(approved).toContain("What happens next?Audit 10 plans in the summer.");
    expect(await updates.nth(0).textContent()).not.toContain("What difference");
    expect(await page.locator("#action-body b, #action-body i, #action-body img").count()).toBe(0);
    expect(
      await page.evaluate(() => (window as { __injected?: boolean }).__injected),
    ).toBeUndefined();
    expect(await page.locator("#action-body .history").textContent()).toContain(
      "update submitted by Jo Bloggs",
    );
    // Focus moves to the new page's heading, so a screen reader announces it.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("action-heading");
    await page.screenshot({ path: join(ARTIFACTS, "action-page.png"), fullPage: true });

    await page.goBack();
    await expect
      .poll(() => page.textContent("#results-count"))
      .toMatch(/^Showing \d+ of 19 actions$/);
    expect(new URL(page.url()).searchParams.get("priority")).toBe("3");
    expect(page.problems).toEqual([]);
  });

  it("shows DMT the sign-off queue", async () => {
    const page = await b.page();
    await page.goto(`${b.base}/tab`);
    await page.getByRole("link", { name: "Sign-off queue" }).click();
    await expect
      .poll(() => page.textContent("#signoff-count"))
      .toBe("1 update waiting for a decision.");
    const row = page.locator("#signoff-table tbody tr");
    expect(await row.textContent()).toContain("CSC-07");
    expect(await row.textContent()).toContain("Jo Bloggs");
    await page.screenshot({ path: join(ARTIFACTS, "signoff-queue.png") });
    expect(page.problems).toEqual([]);
  });

  it("downloads the board report as an Excel file", async () => {
    const page = await b.page();
    await page.goto(`${b.base}/tab`);
    await expect.poll(() => page.textContent("#results-count")).toBe("Showing all 19 actions");
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Download the board report (Excel)" }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^plan-tracker-\d{4}-\d{2}-\d{2}\.xlsx$/);
  });

  it("downloads the quarter's Word report named by a chat card's link", async () => {
    const page = await b.page();
    // `board report` in chat links here; the button then fetches that quarter's report.
    await page.goto(`${b.base}/tab?report=2026-Q2`);
    await expect.poll(() => page.textContent("#results-count")).toBe("Showing all 19 actions");
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Download the 2026-Q2 report (Word)" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe("plan-tracker-2026-Q2-report.docx");
    expect(page.problems).toEqual([]);
  });

  it("fits a phone's width, each action as a card", async () => {
    const page = await b.page({ width: 390, height: 844 });
    await page.goto(`${b.base}/tab?priority=1`);
    await expect.poll(() => page.textContent("#results-count")).toBe("Showing 3 of 19 actions");
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      390,
    );
    // The table's rows are still rows to a screen reader.
    expect(await page.getByRole("row").count()).toBeGreaterThanOrEqual(4);
    await page.screenshot({ path: join(ARTIFACTS, "dashboard-phone.png"), fullPage: true });
    expect(page.problems).toEqual([]);
  });

  it("follows the dark and high-contrast themes", async () => {
    const backgrounds: Record<string, string> = {};
    for (const theme of ["dark", "contrast"]) {
      const page = await b.page();
      await page.goto(`${b.base}/tab?theme=${theme}`);
      await expect.poll(() => page.textContent("#results-count")).toBe("Showing all 19 actions");
      backgrounds[theme] = await page.evaluate(
        () => getComputedStyle(document.body).backgroundColor,
      );
      await page.screenshot({ path: join(ARTIFACTS, `dashboard-${theme}.png`) });
      expect(page.problems).toEqual([]);
    }
    expect(backgrounds).toEqual({ dark: "rgb(31, 31, 31)", contrast: "rgb(0, 0, 0)" });
  });
});
