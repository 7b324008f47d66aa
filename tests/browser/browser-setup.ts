import { mkdir, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "playwright-core";
import {
  CHROMIUM_PATH,
  chromiumAvailable,
  type LaunchedChromium,
  launchChromium,
} from "../../scripts/chromium.ts";
import { type RunningApp, startApp } from "../../src/app.ts";
import type { Person } from "../../src/domain/person.ts";

export const ARTIFACTS = join(process.cwd(), "tests", "artifacts");

/** Browser tests need Debian's chromium; without it they are skipped with this message. */
export const NO_CHROMIUM = !chromiumAvailable();
if (NO_CHROMIUM) {
  console.warn(
    `Browser tests skipped: no Chromium at ${CHROMIUM_PATH} (apt-get install chromium, or set CHROMIUM_PATH).`,
  );
}

export interface BrowserApp {
  app: RunningApp;
  base: string;
  chromium: LaunchedChromium;
  /** A fresh page that records script errors and failed requests. */
  page(viewport?: { width: number; height: number }): Promise<Page & { problems: string[] }>;
  close(): Promise<void>;
}

/** The real product (`serve` in development mode, sample plan, embedded store in a temp folder) and Chromium. */
export async function startBrowserApp(): Promise<BrowserApp> {
  const dataDir = await mkdtemp(join(tmpdir(), "plan-tracker-browser-"));
  await mkdir(ARTIFACTS, { recursive: true });
  const app = await startApp({
    env: { PORT: "0", DATA_DIR: dataDir, EMBEDDED_COSMOS_PORT: "0", LOG_LEVEL: "silent" },
  });
  const chromium = await launchChromium();
  const base = `http://127.0.0.1:${app.port}`;
  return {
    app,
    base,
    chromium,
    async page(viewport = { width: 1280, height: 900 }) {
      const page = (await chromium.browser.newPage({ viewport })) as Page & { problems: string[] };
      page.problems = [];
      page.on("pageerror", (error) => page.problems.push(`script error: ${error.message}`));
      page.on("console", (message) => {
        // teams-js asks Microsoft's CDN for its host list; offline test machines cannot reach it.
        if (
          message.type() === "error" &&
          !/res\.cdn\.office\.net|validDomains|ERR_NAME_NOT_RESOLVED|ERR_INTERNET_DISCONNECTED/.test(
            message.text(),
          )
        ) {
          page.problems.push(`console error: ${message.text()}`);
        }
      });
      page.on("response", (response) => {
        if (response.status() >= 400 && response.url().startsWith(base))
          page.problems.push(`${response.status()} for ${response.url()}`);
      });
      return page;
    },
    async close() {
      await chromium.close();
      await app.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** The directory's first admin, so the tab in development mode is seen as Dana, a DMT member. */
export const DANA: Person = {
  id: "dana.dmt@council.gov.uk",
  email: "dana.dmt@council.gov.uk",
  name: "Dana Director",
  roles: ["dmt", "admin"],
  leads: [],
};

/** The lead who writes the updates these tests seed. */
export const JO = { id: "jo.bloggs@council.gov.uk", name: "Jo Bloggs" };

/** startBrowserApp with Dana in the directory, so the tab is seen as a DMT member. */
export async function startBrowserAppAsDana(): Promise<BrowserApp> {
  const b = await startBrowserApp();
  await b.app.store.people.save(DANA, { id: "test", name: "Test setup" }, null);
  return b;
}
