import { mkdir, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  CHROMIUM_PATH,
  chromiumAvailable,
  type LaunchedChromium,
  launchChromium,
} from "../../scripts/chromium.ts";
import { startDemoApp } from "../../scripts/demo-app.ts";
import type { RunningApp } from "../../src/app.ts";
import { type RunningPlayground, startAgentsPlayground } from "../../src/demo/agents-playground.ts";

/**
 * The whole loop in the Microsoft 365 Agents Playground, a real Teams-like client with its own mock
 * Bot Connector: the demo user (Sam Patel: lead, manager and DMT in .m365agentsplayground.yml and
 * data/sample-people.csv) is greeted, asks, starts the review, updates an action and approves it.
 */

const ARTIFACTS = new URL("../artifacts/", import.meta.url).pathname;

let work: string;
let app: RunningApp;
let playground: RunningPlayground;
let chromium: LaunchedChromium;
let page: Page;
let shots = 0;
/** Steps that build on an earlier one fail at once, naming it, rather than waiting out their timeouts. */
const done = new Set<string>();

function after(previous: string): void {
  if (!done.has(previous))
    throw new Error(`Needs the step before it ("${previous}"), which did not pass.`);
}

const cards = () => page.locator(".ac-adaptiveCard");
/** The newest card showing `text`. */
const cardWith = (text: string | RegExp) => cards().filter({ hasText: text }).last();

async function screenshot(name: string): Promise<void> {
  shots += 1;
  await page.screenshot({
    path: join(ARTIFACTS, `playground-${String(shots).padStart(2, "0")}-${name}.png`),
  });
}

/** Runs a step and saves what the page showed, whether it passed or not. */
async function step(name: string, body: () => Promise<void>): Promise<void> {
  try {
    await body();
    done.add(name);
  } finally {
    await screenshot(name);
  }
}

/** What a card says (its text, as the renderer laid it out in the page). */
async function textOf(card: Locator): Promise<string> {
  return (await card.textContent()) ?? "";
}

/** Waits for `target`; when it never comes, says so with what the newest card showed instead. */
async function expectToAppear(target: Locator, what: string, timeout = 15_000): Promise<void> {
  try {
    await target.waitFor({ timeout });
  } catch {
    const newest = (await cards().count()) > 0 ? await textOf(cards().last()) : "(no card at all)";
    throw new Error(
      `${what} did not appear within ${timeout / 1000} s. The newest card says: ${newest.slice(0, 300)}`,
    );
  }
}

/** Types into the Playground's compose box (a rich-text editor) and sends. */
async function say(text: string): Promise<void> {
  await page.locator("[data-lexical-editor=true]").click();
  await page.keyboard.type(text);
  await page.keyboard.press("Enter");
}

/** Says `text` and returns the first card the bot sends after it. */
async function ask(text: string): Promise<Locator> {
  const before = await cards().count();
  await say(text);
  const answer = cards().nth(before);
  await answer.waitFor({ timeout: 15_000 });
  return answer;
}

const HAVE_CHROMIUM = chromiumAvailable();
const TITLE = HAVE_CHROMIUM
  ? "Plan Tracker in the Microsoft 365 Agents Playground"
  : `Plan Tracker in the Microsoft 365 Agents Playground (skipped: no Chromium at ${CHROMIUM_PATH}; apt-get install chromium)`;

describe.skipIf(!HAVE_CHROMIUM)(TITLE, () => {
  beforeAll(async () => {
    await mkdir(ARTIFACTS, { recursive: true });
    work = await mkdtemp(join(tmpdir(), "plan-tracker-playground-"));
    // Time runs from 10:00 on Monday 23 November 2026 (2026-Q3, before its reminders start), so
    // every run sees the same plan.
    app = await startDemoApp(work, "2026-11-23T10:00:00Z");
    playground = await startAgentsPlayground({
      appEndpoint: `http://localhost:${app.port}/api/messages`,
      logFile: join(work, "agents-playground.log"),
    });
    chromium = await launchChromium();
    page = await chromium.browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.setDefaultTimeout(10_000);
    await page.goto(playground.url);
  }, 60_000);

  afterAll(async () => {
    await chromium?.close();
    await playground?.stop();
    await app?.close();
    if (work) await rm(work, { recursive: true, force: true });
  });

  it("greets the demo user with who they are to the bot and what to do next", async () => {
    await step("welcome", async () => {
      const welcome = cardWith("Hello Sam Patel");
      await expectToAppear(welcome, "The welcome card for Sam Patel", 20_000);
      const text = await textOf(welcome);
      expect(text).toContain("You lead 5 actions");
      expect(text).toMatch(/DMT member/);
      for (const button of ["My actions", "Start review"]) {
        expect(await welcome.getByRole("button", { name: button }).count()).toBe(1);
      }
    });
  }, 30_000);

  it("answers help with what a DMT member can do", async () => {
    await step("help", async () => {
      const answer = await ask("help");
      const text = await textOf(answer);
      expect(text).toMatch(/start review/i);
      expect(text).toMatch(/review status/i);
    });
  }, 20_000);

  it("answers a question with the right Refs: what's red for priority 3", async () => {
    await step("question", async () => {
      const answer = await ask("what's red for priority 3");
      const text = await textOf(answer);
      for (const ref of ["CSC-06", "CSC-11", "CSC-16"]) expect(text).toContain(ref);
      // Green and Amber actions of priority 3 are not in the answer.
      for (const ref of ["CSC-01", "CSC-03", "CSC-07"]) expect(text).not.toContain(ref);
    });
  }, 20_000);

  it("brings the lead an update form after start review", async () => {
    await step("update-form", async () => {
      await say("start review");
      // The reminder brings the form itself, or a button per action that opens it.
      const form = cardWith("Update CSC-11 for");
      const opener = page.getByRole("button", { name: "Update CSC-11" });
      await expectToAppear(form.or(opener).first(), "An update form (or Update button) for CSC-11");
      if ((await form.count()) === 0) await opener.last().click();
      await form.getByRole("button", { name: "Submit update" }).waitFor({ timeout: 15_000 });
      expect(await form.getByRole("combobox", { name: /Proposed RAG/ }).count()).toBe(1);
    });
  }, 30_000);

  it("keeps what was typed and says what is missing when progress is left empty", async () => {
    await step("empty-submit", async () => {
      after("update-form");
      const form = cardWith("Update CSC-11 for");
      const evidence = form.getByRole("textbox", { name: /Evidence link/ });
      await evidence.fill("https://intranet.council.example/fostering/early-permanence");
      await form.getByRole("button", { name: "Submit update" }).click();
      await form
        .getByText("Please write what has happened this quarter")
        .first()
        .waitFor({ timeout: 10_000 });
      expect(await evidence.inputValue()).toBe(
        "https://intranet.council.example/fostering/early-permanence",
      );
    });
  }, 20_000);

  it("turns the form read-only once progress and a RAG are submitted", async () => {
    await step("submitted", async () => {
      after("update-form");
      const form = cardWith("Update CSC-11 for");
      await form
        .locator("textarea")
        .first()
        .fill(
          "The regional training is rebooked for January and two carers are being assessed for early permanence.",
        );
      await form.getByRole("combobox", { name: /Proposed RAG/ }).click();
      await page.getByRole("option", { name: "Amber" }).click();
      // The board paper's questions are folded away until the lead opens them.
      const difference = form.getByRole("textbox", { name: /What difference has this made/ });
      expect(await difference.isVisible()).toBe(false);
      await form.getByRole("button", { name: "Add difference made and next steps" }).click();
      await difference.fill("Two children may be placed with their future family from birth.");
      await form.getByRole("button", { name: "Submit update" }).click();
      const submitted = cards()
        .filter({ hasText: "Submitted, awaiting sign-off" })
        .filter({ hasText: "CSC-11" });
      await expectToAppear(
        submitted,
        "The read-only \u201csubmitted, awaiting sign-off\u201d card",
      );
      expect(await submitted.locator("textarea, input").count()).toBe(0);
      expect(await submitted.getByRole("button", { name: "Submit update" }).count()).toBe(0);
    });
  }, 30_000);

  it("sends the sign-off card to DMT, and shows the decision on it after Approve", async () => {
    await step("approved", async () => {
      after("submitted");
      const signOff = cardWith("Sign-off: CSC-11");
      await expectToAppear(
        signOff.getByRole("button", { name: "Approve" }),
        "The sign-off card for CSC-11",
      );
      const text = await textOf(signOff);
      expect(text).toMatch(/Red\s*→\s*.*Amber/);
      expect(text).toContain("two carers are being assessed");
      expect(text).toContain("placed with their future family from birth");
      await signOff.getByRole("button", { name: "Approve" }).click();
      // The pressed card itself now shows who decided, and can no longer be decided.
      const decided = cards()
        .filter({ hasText: "Sign-off: CSC-11" })
        .filter({ hasText: /Approved by Sam Patel/ });
      await expectToAppear(decided, "The decision on the sign-off card");
      expect(await decided.getByRole("button", { name: "Approve" }).count()).toBe(0);
    });
  }, 30_000);
});
