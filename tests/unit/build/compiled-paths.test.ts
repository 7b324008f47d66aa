import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("../../../", import.meta.url));
const SRC = join(ROOT, "src");

/** Every `new URL("<relative path>", import.meta.url)` in src: files found by path, not by import. */
function pathsFromModules(): { file: string; path: string }[] {
  const found: { file: string; path: string }[] = [];
  for (const name of readdirSync(SRC, { recursive: true })) {
    const file = join(SRC, String(name));
    if (!file.endsWith(".ts")) continue;
    const text = readFileSync(file, "utf8");
    for (const m of text.matchAll(/new URL\(\s*"(\.{1,2}\/[^"]*)",\s*import\.meta\.url\s*\)/g))
      found.push({ file, path: m[1] ?? "" });
  }
  return found;
}

/**
 * The compiled server runs from dist/, one folder beside src/ at the same depth. A module that
 * finds a file by a path relative to itself (the tab's pages, the sample plan, the app icon) must
 * find the same file from its compiled copy, since the build copies nothing but JavaScript.
 */
describe("files the compiled server finds by path", () => {
  const uses = pathsFromModules();

  it("are found at all (the check reads the modules that do it)", () => {
    expect(uses.map((u) => u.path)).toEqual(
      expect.arrayContaining(["../../data/sample-plan.csv", "../../src/tab/public/"]),
    );
  });

  it.each(uses.map((u) => [relative(ROOT, u.file), u.path]))(
    "%s: %s is the same file from dist/",
    (file, path) => {
      const fromSrc = new URL(path, pathToFileURL(join(ROOT, file)));
      const fromDist = new URL(
        path,
        pathToFileURL(join(ROOT, file.replace(/^src/, "dist").replace(/\.ts$/, ".js"))),
      );
      expect(fileURLToPath(fromDist)).toBe(fileURLToPath(fromSrc));
      expect(existsSync(fileURLToPath(fromSrc))).toBe(true);
    },
  );

  it("tsconfig.build.json compiles src/ alone into dist/ at the same depth, .ts imports rewritten", () => {
    const build = JSON.parse(readFileSync(join(ROOT, "tsconfig.build.json"), "utf8"));
    expect(build.include).toEqual(["src"]);
    expect(build.compilerOptions).toMatchObject({
      rootDir: "src",
      outDir: "dist",
      noEmit: false,
      rewriteRelativeImportExtensions: true,
    });
  });
});
