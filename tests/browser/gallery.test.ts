import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SAMPLE_CARDS } from "../../src/cards/gallery.ts";
import { ARTIFACTS, type BrowserApp, NO_CHROMIUM, startBrowserApp } from "./browser-setup.ts";

describe.skipIf(NO_CHROMIUM)("the card gallery in Chromium", () => {
  let b: BrowserApp;
  beforeAll(async () => {
    b = await startBrowserApp();
  }, 120_000);
  afterAll(async () => {
    await b?.close();
  });

  it("renders every card the bot sends with the Adaptive Cards renderer, with no problems", async () => {
    const page = await b.page({ width: 1000, height: 900 });
    await page.goto(`${b.base}/playground`);
    await page.waitForSelector("body[data-rendered]");
    const cards = await page.$$eval(".gallery-card", (sections) =>
      sections.map((s) => ({
        name: s.querySelector("h2")?.textContent,
        problems: s.getAttribute("data-problems"),
        problemText: s.querySelector(".card-problems")?.textContent ?? "",
        rendered: s.querySelector(".card-surface .ac-adaptiveCard") !== null,
      })),
    );
    expect(cards.map((c) => c.name)).toEqual(SAMPLE_CARDS.map((c) => c.name));
    for (const card of cards)
      expect(card, card.problemText).toMatchObject({ problems: "0", rendered: true });
    expect(await page.textContent("#gallery-status")).toBe(
      `${SAMPLE_CARDS.length} cards, all rendered with no problems.`,
    );
    await page.screenshot({ path: join(ARTIFACTS, "gallery.png"), fullPage: true });
    expect(page.problems).toEqual([]);
  });

  it("shows what the bot would receive when a card's button is pressed", async () => {
    const page = await b.page({ width: 1000, height: 900 });
    await page.goto(`${b.base}/cards`);
    await page.waitForSelector("body[data-rendered]");
    const signOff = page.locator(".gallery-card", {
      has: page.getByRole("heading", { name: "Sign-off", exact: true }),
    });
    await signOff.screenshot({ path: join(ARTIFACTS, "card-sign-off.png") });
    await signOff.getByRole("button", { name: "Approve" }).click();
    const sent = await signOff.locator(".card-sent").textContent();
    expect(sent).toContain("The bot would receive");
    expect(sent).toMatch(/"verb": "[a-zA-Z.]+"/);
    expect(page.problems).toEqual([]);
  });

  it("folds the board paper's questions away on the update form until the lead opens them", async () => {
    const page = await b.page({ width: 1000, height: 900 });
    await page.goto(`${b.base}/cards`);
    await page.waitForSelector("body[data-rendered]");
    const form = page.locator(".gallery-card", {
      has: page.getByRole("heading", { name: "Update form", exact: true }),
    });
    const difference = form.getByRole("textbox", { name: /What difference has this made/ });
    const next = form.getByRole("textbox", { name: /What happens next\?/ });
    expect(await difference.isVisible()).toBe(false);
    // Last quarter's answers are on show above, to build on.
    expect(await form.textContent()).toContain("Families now get the PLO letter");
    await form.getByRole("button", { name: "Add difference made and next steps" }).click();
    await difference.waitFor({ state: "visible" });
    await difference.fill("Children wait less for a plan: 9 of 12 within 12 weeks.");
    await next.fill("Second audit in February.");
    await form.screenshot({ path: join(ARTIFACTS, "card-update-form-board-questions.png") });
    await form.locator("textarea").first().fill("Template live since 2 November.");
    await form.getByRole("button", { name: "Submit update" }).click();
    const sent = await form.locator(".card-sent").textContent();
    expect(sent).toContain(
      '"difference": "Children wait less for a plan: 9 of 12 within 12 weeks."',
    );
    expect(sent).toContain('"nextSteps": "Second audit in February."');
    expect(page.problems).toEqual([]);
  });
});
