import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("../../../", import.meta.url));
const SRC = join(ROOT, "src");

function sourceFiles(): { file: string; text: string }[] {
  return readdirSync(SRC, { recursive: true })
    .map((name) => join(SRC, String(name)))
    .filter((file) => file.endsWith(".ts"))
    .map((file) => ({ file, text: readFileSync(file, "utf8") }));
}

/**
 * The compiled server runs from dist/, where the build bundles every module into a few files
 * directly in dist/. A path relative to a module's own place would then point elsewhere, so files
 * found by path (the tab's pages, the sample plan, the app icon) are found through
 * src/project-files.ts alone, which sits directly in src/: one level below the project, as every
 * compiled file in dist/ is.
 */
describe("files the compiled server finds by path", () => {
  it("are found only through src/project-files.ts, directly in src/", () => {
    const relativeToModule = sourceFiles()
      .filter(({ text }) => /new URL\([^)]*import\.meta\.url\s*\)/.test(text))
      .map(({ file }) => relative(ROOT, file));
    expect(relativeToModule).toEqual(["src/project-files.ts"]);
  });

  it("name files that exist", () => {
    const named = sourceFiles().flatMap(({ text }) =>
      [...text.matchAll(/projectFile\(\s*"([^"]+)"\s*\)/g)].map((m) => m[1] ?? ""),
    );
    expect(named).toEqual(expect.arrayContaining(["data/sample-plan.csv", "src/tab/public/"]));
    for (const path of named) expect(existsSync(join(ROOT, path)), path).toBe(true);
  });

  it("are found from dist/ because the build writes every file directly in dist/", () => {
    const build = readFileSync(join(ROOT, "scripts", "build-server.mjs"), "utf8");
    expect(build).toMatch(/outdir = join\(root, "dist"\)/);
    // Chunk and entry names of their own could put files in subfolders of dist/.
    expect(build).not.toMatch(/chunkNames|entryNames|outbase/);
    const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8"));
    expect(pkg.scripts.build).toBe(
      "tsc -p tsconfig.build.json --noEmit && node scripts/build-server.mjs",
    );
  });
});
