import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

/**
 * CONTRIBUTING.md is followed step by step by someone new to the code, so every file, name and
 * command it points at must be real: a guide naming a file that moved sends them hunting.
 */
const ROOT = join(import.meta.dirname, "..", "..", "..");
const guide = readFileSync(join(ROOT, "CONTRIBUTING.md"), "utf8");

/** The project's folders a path in the guide can start with. */
const PATH =
  /(?<![\w./-])(?:src|tests|scripts|bench|docs|data|bin|infra|appPackage|env)\/[\w./-]*/g;

/** Every project path the guide names, without a trailing dot, slash or `:line:column`. */
function pathsIn(text: string): string[] {
  const found = new Set<string>();
  for (const [match] of text.matchAll(PATH)) {
    found.add(match.replace(/:\d+(:\d+)?$/, "").replace(/[./]+$/, ""));
  }
  return [...found].sort();
}

/** The files a glossary or example points at, a folder standing for every file under it. */
function filesUnder(path: string): string[] {
  const full = join(ROOT, path);
  if (!statSync(full).isDirectory()) return [full];
  return readdirSync(full, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

const mentions = (name: string, paths: string[]) =>
  paths.flatMap(filesUnder).some((file) => readFileSync(file, "utf8").includes(name));

/** "`name` in `path`" and "`name` (`path`)": a name the guide says a file holds. */
function namesWithFiles(text: string): Array<{ name: string; path: string }> {
  const pairs: Array<{ name: string; path: string }> = [];
  for (const match of text.matchAll(
    /`([A-Za-z_]\w*)(?:\(\)|\(\.\.\.\))?`,? (?:in|\()\s*`([^`]+)`/g,
  )) {
    const [, name, path] = match as unknown as [string, string, string];
    if (pathsIn(path).length === 1) pairs.push({ name, path: pathsIn(path)[0] as string });
  }
  return pairs;
}

/** The glossary's rows: the code's words (column 2) and the files that hold them (column 3). */
function glossaryRows(text: string): Array<{ words: string[]; paths: string[] }> {
  const section = text.split("## Glossary")[1]?.split("\n## ")[0] ?? "";
  return section
    .split("\n")
    .filter(
      (line) => line.startsWith("|") && !line.startsWith("| the product") && !/^\|\s*-/.test(line),
    )
    .map((line) => {
      const cells = line.split("|").map((cell) => cell.trim());
      const words = [...(cells[2] ?? "").matchAll(/`([^`]+)`/g)].map((m) => m[1] as string);
      return { words, paths: pathsIn(cells[3] ?? "") };
    });
}

describe("CONTRIBUTING.md", () => {
  it("names only files and folders that exist", () => {
    const paths = pathsIn(guide);
    expect(paths.length).toBeGreaterThan(40);
    // A file a run writes (bench/results.json) is ignored by git, so a fresh clone lacks it.
    const written = new Set(readFileSync(join(ROOT, ".gitignore"), "utf8").split("\n"));
    const missing = paths.filter((path) => !existsSync(join(ROOT, path)) && !written.has(path));
    expect(missing).toEqual([]);
  });

  it("finds each name it points at in the file it names", () => {
    const pairs = namesWithFiles(guide);
    expect(pairs.length).toBeGreaterThan(15);
    const missing = pairs.filter(({ name, path }) => !mentions(name, [path]));
    expect(missing).toEqual([]);
  });

  it("finds each glossary word of the code in the files its row names", () => {
    const rows = glossaryRows(guide);
    expect(rows.length).toBeGreaterThan(15);
    const missing = rows.flatMap(({ words, paths }) =>
      words
        // A quoted value is looked for as written; `action.rag` by its field.
        .map((word) =>
          word.includes(".") && !word.includes("@") ? (word.split(".").at(-1) as string) : word,
        )
        .filter((word) => !mentions(word, paths))
        .map((word) => ({ word, paths })),
    );
    expect(missing).toEqual([]);
  });

  it("runs only npm scripts package.json has", () => {
    const scripts = Object.keys(
      JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")).scripts as Record<
        string,
        string
      >,
    );
    const named = [...guide.matchAll(/npm run ([\w:-]+)/g)].map((m) => m[1] as string);
    expect(named.length).toBeGreaterThan(5);
    expect(named.filter((name) => !scripts.includes(name))).toEqual([]);
  });

  it("is linked from the README", () => {
    const readme = readFileSync(join(ROOT, "README.md"), "utf8");
    expect(readme.includes("(CONTRIBUTING.md)"), "README links CONTRIBUTING.md").toBe(true);
  });
});
