import { readdirSync } from "node:fs";
import { readFile } from "node:fs/promises";
import type { ServerResponse } from "node:http";
import { createRequire } from "node:module";
import { dirname, extname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const PUBLIC_DIR = fileURLToPath(new URL("./public/", import.meta.url));
/** The app icon's source, also the pages' favicon. */
export const ICON_SVG = fileURLToPath(new URL("../../appPackage/icon-color.svg", import.meta.url));

const require = createRequire(import.meta.url);

/** Browser builds served straight from node_modules: no bundler. */
export const VENDOR_FILES: Record<string, string> = {
  "teams-js.js": require.resolve("@microsoft/teams-js"),
  "chart.js": join(dirname(require.resolve("chart.js")), "chart.umd.min.js"),
  "adaptivecards.js": join(
    dirname(require.resolve("adaptivecards")),
    "..",
    "dist",
    "adaptivecards.min.js",
  ),
  "adaptivecards.css": join(
    dirname(require.resolve("adaptivecards")),
    "..",
    "dist",
    "adaptivecards.css",
  ),
};

const CONTENT_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".json": "application/json; charset=utf-8",
};

/** Teams and the other Microsoft 365 hosts that may frame the tab, and nobody else. */
const FRAME_ANCESTORS = [
  "'self'",
  "https://teams.microsoft.com",
  "https://*.teams.microsoft.com",
  "https://*.cloud.microsoft",
  "https://*.microsoft365.com",
  "https://*.office.com",
  "https://outlook.office.com",
  "https://outlook.office365.com",
].join(" ");

/** Scripts only from this server; text from the store can never run as code. */
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: https:",
  // teams-js reads its list of Teams hosts from Microsoft's CDN.
  "connect-src 'self' https://res.cdn.office.net",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  `frame-ancestors ${FRAME_ANCESTORS}`,
].join("; ");

/** The tab's own browser files, listed once at start so no request can name a path outside them. */
export function publicFiles(): Set<string> {
  return new Set(readdirSync(PUBLIC_DIR).filter((name) => CONTENT_TYPES[extname(name)]));
}

export async function sendFile(
  res: ServerResponse,
  path: string,
  cache: "no-cache" | "max-age=3600",
): Promise<void> {
  const body = await readFile(path);
  res.writeHead(200, {
    "content-type": CONTENT_TYPES[extname(path)] ?? "application/octet-stream",
    "content-length": body.length,
    "cache-control": cache,
    "content-security-policy": CSP,
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
  });
  res.end(body);
}
