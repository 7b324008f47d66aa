import { spawn } from "node:child_process";
import { cp, mkdir, mkdtemp, readdir, rm, symlink } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { buildServer } from "../../scripts/build-server.mjs";
import { exitOf } from "./child-output.ts";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));

export interface CompiledCopy {
  root: string;
  /** bin/plan-tracker.js of the copy. */
  bin: string;
  remove(): Promise<void>;
}

/**
 * The project as `npm run build` leaves it, in a folder of its own: src/, data/, appPackage/,
 * bin/, scripts/ and package.json copied (a snapshot, so edits made meanwhile cannot make the build
 * look stale), dist/ built from the copy, and node_modules linked package by package without tsx,
 * so the copy cannot quietly fall back to running the TypeScript. `tsc` runs `npm run build`
 * itself (type check included, about a minute); `transpile` runs only its second step, the same
 * bundling of src/ into dist/ (seconds): the same JavaScript, without the type check.
 */
export async function compiledCopy(how: "tsc" | "transpile"): Promise<CompiledCopy> {
  const root = await mkdtemp(join(tmpdir(), "plan-tracker-built-"));
  for (const part of [
    "src",
    "data",
    "appPackage",
    "bin",
    "scripts",
    "package.json",
    "tsconfig.json",
  ])
    await cp(join(ROOT, part), join(root, part), { recursive: true });
  await cp(join(ROOT, "tsconfig.build.json"), join(root, "tsconfig.build.json"));
  await mkdir(join(root, "node_modules"));
  for (const name of await readdir(join(ROOT, "node_modules"))) {
    if (name === "tsx" || name === ".bin") continue;
    await symlink(join(ROOT, "node_modules", name), join(root, "node_modules", name));
  }
  if (how === "tsc") await runBuild(root);
  else await buildServer(root);
  return {
    root,
    bin: join(root, "bin", "plan-tracker.js"),
    remove: () => rm(root, { recursive: true, force: true }),
  };
}

async function runBuild(root: string): Promise<void> {
  const { code, output } = await exitOf(
    spawn("npm", ["run", "build"], { cwd: root, stdio: ["ignore", "pipe", "pipe"] }),
  );
  if (code !== 0) throw new Error(`the build failed (${code}):\n${output}`);
}
