import { spawn } from "node:child_process";
import { cp, mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
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
 * bin/ and package.json copied (a snapshot, so edits made meanwhile cannot make the build look
 * stale), dist/ compiled from the copy with tsconfig.build.json, and node_modules linked package
 * by package without tsx, so the copy cannot quietly fall back to running the TypeScript.
 * `tsc` runs the real compiler (type check included, about a minute); `transpile` emits each
 * file alone with the same options (seconds): the same JavaScript, without the type check.
 */
export async function compiledCopy(how: "tsc" | "transpile"): Promise<CompiledCopy> {
  const root = await mkdtemp(join(tmpdir(), "plan-tracker-built-"));
  for (const part of ["src", "data", "appPackage", "bin", "package.json", "tsconfig.json"])
    await cp(join(ROOT, part), join(root, part), { recursive: true });
  await cp(join(ROOT, "tsconfig.build.json"), join(root, "tsconfig.build.json"));
  await mkdir(join(root, "node_modules"));
  for (const name of await readdir(join(ROOT, "node_modules"))) {
    if (name === "tsx" || name === ".bin") continue;
    await symlink(join(ROOT, "node_modules", name), join(root, "node_modules", name));
  }
  if (how === "tsc") await runTsc(root);
  else await transpile(root);
  return {
    root,
    bin: join(root, "bin", "plan-tracker.js"),
    remove: () => rm(root, { recursive: true, force: true }),
  };
}

async function runTsc(root: string): Promise<void> {
  const tsc = join(ROOT, "node_modules", "typescript", "bin", "tsc");
  const { code, output } = await exitOf(
    spawn(process.execPath, [tsc, "-p", "tsconfig.build.json"], {
      cwd: root,
      stdio: ["ignore", "pipe", "pipe"],
    }),
  );
  if (code !== 0) throw new Error(`the build failed (${code}):\n${output}`);
}

async function transpile(root: string): Promise<void> {
  const configPath = join(root, "tsconfig.build.json");
  const parsed = ts.parseJsonConfigFileContent(
    ts.readConfigFile(configPath, ts.sys.readFile).config,
    ts.sys,
    root,
  );
  // One file at a time knows nothing of package.json's "type": ESNext is what NodeNext emits
  // for an ES module.
  const compilerOptions = { ...parsed.options, module: ts.ModuleKind.ESNext };
  const src = join(root, "src");
  const outDir = join(root, "dist");
  for (const file of parsed.fileNames) {
    const { outputText } = ts.transpileModule(await readFile(file, "utf8"), {
      compilerOptions,
      fileName: file,
    });
    const out = join(outDir, relative(src, file)).replace(/\.ts$/, ".js");
    await mkdir(dirname(out), { recursive: true });
    await writeFile(out, outputText);
  }
}
