import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCliHere, tempDataDir } from "../support/run-cli.ts";
import { ARTIFACTS, type BrowserApp, NO_CHROMIUM, startBrowserAppAsDana } from "./browser-setup.ts";

// Two more plans beside the sample plan, both numbered from 1.1: one with its own named priorities,
// one without priorities, grouped by theme.
const SEND_CSV = `Ref,Priority,Development Action,Lead,Completion Date,RAG
1.1,Priority 1: Early identification of need,Publish the graduated approach for early years settings,SEND Service Manager,March 2026,Amber
1.2,Early identification of need,Train SENCOs on the new referral pathway,Educational Psychology Lead,June 2026,Green
1.3,2. Preparing for adulthood,Agree transition plans at Year 9 for every young person with an EHCP,Head of SEND,September 2026,Red
`;
const EARLY_HELP_CSV = `No.,Theme,Action,Owner,Deadline,BRAG
1.1,Front door,Review the early help assessment form,Early Help Manager,31.03.2026,Blue
2.1,Family hubs,Open the second family hub,Family Hubs Lead,30th June 2026,Red
`;

describe.skipIf(NO_CHROMIUM)("the dashboard's plan picker in Chromium", () => {
  let b: BrowserApp;

  const chartLabels = (page: Awaited<ReturnType<BrowserApp["page"]>>) =>
    page.evaluate(() => {
      const chart = (
        globalThis as unknown as {
          Chart: { getChart(c: Element | null): { data: { labels: string[] } } | undefined };
        }
      ).Chart.getChart(document.getElementById("rag-chart"));
      return chart?.data.labels ?? [];
    });

  beforeAll(async () => {
    b = await startBrowserAppAsDana();
    // Imported with the command line beside the running server, as an admin would.
    const dir = tempDataDir("plan-tracker-picker-files-");
    const env = { DATA_DIR: b.app.config.DATA_DIR, EMBEDDED_COSMOS_PORT: "0" };
    for (const [name, text] of [
      ["SEND plan", SEND_CSV],
      ["Early help plan", EARLY_HELP_CSV],
    ] as const) {
      const file = join(dir, `${name}.csv`);
      await writeFile(file, text);
      const imported = await runCliHere(["import", file, "--plan", name], env);
      expect(imported.stderr).toBe("");
    }
  }, 120_000);

  afterAll(async () => {
    await b?.close();
  });

  it("switches the table and the chart to the plan chosen, keeps it through a reload, an action page and Back", async () => {
    const page = await b.page();
    await page.goto(`${b.base}/tab`);
    await expect.poll(() => page.textContent("#results-count")).toBe("Showing all 19 actions");
    const picker = page.getByLabel("Plan", { exact: true });
    expect(await picker.isVisible()).toBe(true);
    expect(await picker.locator("option").allTextContents()).toEqual([
      "Rutland Children and Young People Development Plan 2022-23",
      "Early help plan",
      "SEND plan",
    ]);
    expect((await chartLabels(page))[0]).toMatch(/^P1 Transition to adulthood/);

    await picker.selectOption({ label: "SEND plan" });
    await expect.poll(() => page.textContent("#results-count")).toBe("Showing all 3 actions");
    expect(new URL(page.url()).searchParams.get("plan")).toBe("send-plan");
    expect(
      await page.locator("#actions-table tbody td[data-label='Ref']").allTextContents(),
    ).toEqual(["1.1", "1.2", "1.3"]);
    expect(await chartLabels(page)).toEqual([
      "P1 Early identification of n…",
      "P2 Preparing for adulthood",
    ]);
    expect(await page.textContent("#chart-summary")).toContain(
      "Priority 2, Preparing for adulthood: 1 red",
    );
    expect(await page.getByLabel("Priority", { exact: true }).locator("option").count()).toBe(3);
    await page.screenshot({ path: join(ARTIFACTS, "dashboard-plan-picker.png") });

    await page.reload();
    await expect.poll(() => page.textContent("#results-count")).toBe("Showing all 3 actions");
    expect(await page.getByLabel("Plan", { exact: true }).inputValue()).toBe("send-plan");

    // The action page is that plan's 1.1, not another plan's.
    await page.getByRole("link", { name: "1.1", exact: true }).click();
    await page.waitForURL(/\/tab\/actions\/1\.1\?plan=send-plan$/);
    await expect
      .poll(() => page.textContent("#action-heading"))
      .toBe("1.1: Publish the graduated approach for early years settings");
    expect(await page.locator("#action-body .facts").textContent()).toContain("SEND plan");
    await page.goBack();
    await expect.poll(() => page.textContent("#results-count")).toBe("Showing all 3 actions");
    expect(await page.getByLabel("Plan", { exact: true }).inputValue()).toBe("send-plan");
    expect(page.problems).toEqual([]);
  });

  it("charts a plan without priorities by section, and a bar's section narrows the table", async () => {
    const page = await b.page();
    await page.goto(`${b.base}/tab?plan=send-plan&priority=2`);
    await expect.poll(() => page.textContent("#results-count")).toBe("Showing 1 of 3 actions");
    await page.getByLabel("Plan", { exact: true }).selectOption({ label: "Early help plan" });
    // The SEND plan's priority filter is not carried into a plan that has no such priority.
    await expect.poll(() => page.textContent("#results-count")).toBe("Showing all 2 actions");
    expect(new URL(page.url()).search).toBe("?plan=early-help-plan");
    expect(await page.textContent("#chart-heading")).toBe("RAG by section");
    expect(await chartLabels(page)).toEqual(["Front door", "Family hubs"]);
    expect(await page.getByLabel("Priority", { exact: true }).isVisible()).toBe(false);
    await page.getByLabel("Section", { exact: true }).selectOption("Family hubs");
    await expect.poll(() => page.textContent("#results-count")).toBe("Showing 1 of 2 actions");
    expect(new URL(page.url()).searchParams.get("section")).toBe("Family hubs");
    expect(
      await page.locator("#actions-table tbody td[data-label='Ref']").allTextContents(),
    ).toEqual(["2.1"]);
    expect(page.problems).toEqual([]);
  });

  it("downloads the chosen plan's board report", async () => {
    const page = await b.page();
    await page.goto(`${b.base}/tab?plan=send-plan`);
    await expect.poll(() => page.textContent("#results-count")).toBe("Showing all 3 actions");
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Download the board report (Excel)" }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(
      /^plan-tracker-send-plan-\d{4}-\d{2}-\d{2}\.xlsx$/,
    );
  });
});
