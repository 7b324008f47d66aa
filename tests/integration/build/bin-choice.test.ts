import { spawnSync } from "node:child_process";
import { cp, mkdir, mkdtemp, rm, symlink, utimes, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("../../../", import.meta.url));

/**
 * bin/plan-tracker.js runs dist/ when it was built after the last change to src/, and the
 * TypeScript through tsx otherwise (no build yet, or an edit since), on a stand-in project whose
 * two CLIs just say which one ran.
 */
describe("which CLI bin/plan-tracker.js runs", () => {
  let root: string;
  const run = () =>
    spawnSync(process.execPath, [join(root, "bin", "plan-tracker.js")], { encoding: "utf8" });
  const at = (date: string, ...paths: string[]) =>
    Promise.all(paths.map((p) => utimes(join(root, p), new Date(date), new Date(date))));

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), "plan-tracker-bin-"));
    await cp(join(ROOT, "bin"), join(root, "bin"), { recursive: true });
    await writeFile(join(root, "package.json"), '{ "type": "module" }\n');
    await mkdir(join(root, "src", "cli"), { recursive: true });
    await writeFile(join(root, "src", "cli.ts"), 'console.log("typescript");\n');
    await writeFile(join(root, "src", "cli", "serve.ts"), "export {};\n");
    await mkdir(join(root, "node_modules"));
    await symlink(join(ROOT, "node_modules", "tsx"), join(root, "node_modules", "tsx"));
  });
  afterAll(() => rm(root, { recursive: true, force: true }));

  it("runs the TypeScript when nothing is built", () => {
    expect(run().stdout.trim()).toBe("typescript");
  });

  it("runs the compiled CLI when it is newer than every source file", async () => {
    await mkdir(join(root, "dist"), { recursive: true });
    await writeFile(join(root, "dist", "cli.js"), 'console.log("compiled");\n');
    await at("2026-01-01T10:00:00Z", "src/cli.ts", "src/cli/serve.ts");
    await at("2026-01-01T11:00:00Z", "dist/cli.js");
    expect(run().stdout.trim()).toBe("compiled");
  });

  it("runs the TypeScript again once any source file, however deep, changed after the build", async () => {
    await at("2026-01-01T12:00:00Z", "src/cli/serve.ts");
    expect(run().stdout.trim()).toBe("typescript");
  });
});
