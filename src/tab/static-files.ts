import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import type { Response } from "express";
import express, { type RequestHandler } from "express";
import { projectFile } from "../project-files.ts";

// Read from src/ whether the server runs the TypeScript or the build.
export const PUBLIC_DIR = projectFile("src/tab/public/");
/** The app icon's source, also the pages' favicon. */
export const ICON_SVG = projectFile("appPackage/icon-color.svg");

const require = createRequire(import.meta.url);

/**
 * Browser builds served straight from node_modules: no bundler. A Map, so that a name such as
 * `__proto__` or `toString` finds nothing rather than something inherited.
 */
export const VENDOR_FILES: ReadonlyMap<string, string> = new Map([
  ["teams-js.js", require.resolve("@microsoft/teams-js")],
  ["chart.js", join(dirname(require.resolve("chart.js")), "chart.umd.min.js")],
  [
    "adaptivecards.js",
    join(dirname(require.resolve("adaptivecards")), "..", "dist", "adaptivecards.min.js"),
  ],
  [
    "adaptivecards.css",
    join(dirname(require.resolve("adaptivecards")), "..", "dist", "adaptivecards.css"),
  ],
]);

export type CachePolicy = "no-cache" | "max-age=3600";

/** The tab's own browser files; nothing outside PUBLIC_DIR, no dotfiles, no folder listings. */
export function publicFiles(): RequestHandler {
  return express.static(PUBLIC_DIR, {
    index: false,
    redirect: false,
    dotfiles: "ignore",
    // A name that is not there (or tries to climb out) falls through to the JSON 404.
    fallthrough: true,
    etag: false,
    lastModified: false,
    setHeaders: (res) => res.setHeader("cache-control", "no-cache"),
  });
}

/** Sends one file the server itself chose (never a path from the request). */
export function sendFile(res: Response, path: string, cache: CachePolicy): Promise<void> {
  return new Promise((resolve, reject) => {
    // The install folder may sit under a dot-folder; the path is ours, so that is fine.
    res.sendFile(
      path,
      { dotfiles: "allow", etag: false, lastModified: false, headers: { "cache-control": cache } },
      // A reader who went away mid-file is no failure of ours.
      (error) => (error && !res.headersSent ? reject(error) : resolve()),
    );
  });
}
