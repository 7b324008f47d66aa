import { existsSync } from "node:fs";
import { type Browser, chromium } from "playwright-core";

/** Debian's chromium package; CI installs it with apt. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export function chromiumAvailable(): boolean {
  return existsSync(CHROMIUM_PATH);
}

export interface LaunchedChromium {
  browser: Browser;
  close(): Promise<void>;
}

/** Headless, offline-quiet Chromium; playwright gives every launch a fresh throwaway profile. */
export async function launchChromium(): Promise<LaunchedChromium> {
  if (!chromiumAvailable()) {
    throw new Error(
      `Chromium is not installed at ${CHROMIUM_PATH}: install it with "apt-get install chromium" or set CHROMIUM_PATH.`,
    );
  }
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  return {
    browser,
    async close() {
      await browser.close();
    },
  };
}
