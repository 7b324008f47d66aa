/**
 * Renders the app icons from their SVG sources with Chromium:
 * `icon-color.svg` → `color.png` (192×192), `icon-outline.svg` → `outline.png` (32×32, transparent).
 * Run after changing either SVG: `npx tsx scripts/render-icons.ts`.
 */
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { launchChromium } from "./chromium.ts";

const APP_PACKAGE = fileURLToPath(new URL("../appPackage/", import.meta.url));

const ICONS = [
  { svg: "icon-color.svg", png: "color.png", size: 192 },
  { svg: "icon-outline.svg", png: "outline.png", size: 32 },
];

const chromium = await launchChromium();
try {
  const page = await chromium.browser.newPage({ deviceScaleFactor: 1 });
  for (const icon of ICONS) {
    const svg = await readFile(`${APP_PACKAGE}${icon.svg}`, "utf8");
    await page.setViewportSize({ width: icon.size, height: icon.size });
    await page.setContent(
      `<!doctype html><html><body style="margin:0;background:transparent">${svg}</body></html>`,
    );
    await page.screenshot({
      path: `${APP_PACKAGE}${icon.png}`,
      omitBackground: true,
      clip: { x: 0, y: 0, width: icon.size, height: icon.size },
    });
    console.log(`Wrote appPackage/${icon.png} (${icon.size}×${icon.size}) from ${icon.svg}`);
  }
} finally {
  await chromium.close();
}
