#!/usr/bin/env node
// Runs the compiled CLI (`npm run build` writes dist/) when it is there and newer than every
// TypeScript file it was built from; otherwise loads the TypeScript through tsx, so a fresh clone
// needs no build step and an edit made after a build is never hidden by an old build.
import { readdirSync, statSync } from "node:fs";

const src = new URL("../src/", import.meta.url);
const built = new URL("../dist/cli.js", import.meta.url);

/** The build's time, or 0 when there is none. */
function builtAt() {
  try {
    return statSync(built).mtimeMs;
  } catch {
    return 0;
  }
}

/** True when no source file changed since the build (a few hundred stat calls: milliseconds). */
function buildIsCurrent() {
  const at = builtAt();
  if (at === 0) return false;
  for (const name of readdirSync(src, { recursive: true })) {
    const path = String(name).replaceAll("\\", "/");
    if (path.endsWith(".ts") && statSync(new URL(path, src)).mtimeMs > at) return false;
  }
  return true;
}

if (buildIsCurrent()) {
  await import(built.href);
} else {
  const { register } = await import("tsx/esm/api");
  register();
  await import("../src/cli.ts");
}
