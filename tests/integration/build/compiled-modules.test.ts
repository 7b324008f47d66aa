import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type CompiledCopy, compiledCopy } from "../../support/compiled-copy.ts";
import { spawnServe } from "../../support/spawn-serve.ts";

/**
 * What the compiled server loads. Bundling moves a package's import above the bundled code before
 * it, so a module that must run before a package loads (the geometry library's stand-in) can work
 * through tsx and not once built: this runs the build and lists the modules it loaded.
 */
describe("the compiled server's modules", () => {
  let copy: CompiledCopy;
  let dir: string;
  beforeAll(async () => {
    copy = await compiledCopy("transpile");
    dir = await mkdtemp(join(tmpdir(), "plan-tracker-modules-"));
  }, 60_000);
  afterAll(async () => {
    await copy?.remove();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it("serves without loading the geometry library the embedded store's SQL engine asks for", async () => {
    const listing = join(dir, "modules.json");
    const preload = join(dir, "list-modules.cjs");
    // Every CommonJS module the process loaded (packages imported from ESM included), at exit,
    // each with whether it is the stand-in, which hands out a function for any name it is asked.
    await writeFile(
      preload,
      `process.on("exit", () => {
        const loaded = Object.entries(require.cache).map(([path, module]) => ({
          path,
          standIn: typeof module?.exports?.["\\u0000no such export"] === "function",
        }));
        require("node:fs").writeFileSync(${JSON.stringify(listing)}, JSON.stringify(loaded));
      });\n`,
    );
    const server = await spawnServe(
      { DATA_DIR: join(dir, "data"), NODE_OPTIONS: `--require ${preload}` },
      { bin: copy.bin },
    );
    expect((await fetch(`http://127.0.0.1:${server.port}/healthz`)).status).toBe(200);
    await server.stop();
    const modules = JSON.parse(await readFile(listing, "utf8")) as {
      path: string;
      standIn: boolean;
    }[];
    // The engine itself is loaded (so the listing sees the store's packages), the library is not.
    expect(modules.some(({ path }) => path.includes("/@zeit/cosmosdb-query/"))).toBe(true);
    const geometry = modules.filter(({ path }) => path.includes("/@turf/"));
    expect(geometry.filter(({ standIn }) => !standIn).map(({ path }) => path)).toEqual([]);
    expect(geometry).toHaveLength(1);
  }, 60_000);

  it("bundles one copy of each package release, however many places it is installed in", async () => {
    const dist = join(copy.root, "dist");
    const roots = new Map<string, Set<string>>();
    for (const name of await readdir(dist)) {
      if (!name.endsWith(".js.map")) continue;
      const map = JSON.parse(await readFile(join(dist, name), "utf8")) as { sources: string[] };
      for (const source of map.sources) {
        const path = resolve(dist, source);
        const at = path.lastIndexOf("/node_modules/");
        if (at === -1) continue;
        const parts = path.slice(at + "/node_modules/".length).split("/");
        const root =
          path.slice(0, at) +
          "/node_modules/" +
          parts.slice(0, parts[0]?.startsWith("@") ? 2 : 1).join("/");
        // Some packages' own source maps name files of theirs that were never installed.
        const manifest = await readFile(join(root, "package.json"), "utf8").catch(() => null);
        if (!manifest) continue;
        const { name: pkg, version } = JSON.parse(manifest) as { name: string; version: string };
        const release = `${pkg}@${version}`;
        roots.set(release, (roots.get(release) ?? new Set()).add(root));
      }
    }
    // botbuilder's packages each install the same zod 3 release.
    expect([...roots.keys()].some((release) => release.startsWith("zod@3."))).toBe(true);
    const twice = [...roots].filter(([, found]) => found.size > 1).map(([release]) => release);
    expect(twice).toEqual([]);
  });
});
