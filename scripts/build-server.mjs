/**
 * The second half of `npm run build` (the first is the type check): compiles src/ and the packages
 * it loads at start-up into dist/ as a few bundled, minified files. Node loads each file of a
 * program as a module of its own (resolve, read, parse, link), and keeps every module's source text
 * in memory for as long as the process runs: botbuilder, the Cosmos SDK, express and zod are some
 * 1,500 files and ~12 MB of source, zod four times over (botbuilder's packages each install their
 * own copy of the same zod 3 release, as npm cannot share it beside our zod 4). Bundled, with one
 * copy of each package release, and minified, they start sooner and take ~10–15 MB less of a
 * running server's memory (`npm run bench`, start-up row).
 *
 * Some packages stay in node_modules, loaded as they are installed:
 * - the embedded store's server and SQL engine, which the store loads with `require` at run time,
 *   reads its TLS certificate from its own folder, and patches through the engine's own module
 *   cache (src/store/embedded/library.ts, lazy-geometry.ts, linear-queries.ts);
 * - what is loaded only on first use (the Excel and Word libraries, the tab's token library,
 *   Entra sign-in, Application Insights' OpenTelemetry), so no start-up pays for them;
 * - tsx, which only the TypeScript run uses.
 * Each command and each library loaded on first use stays a chunk of its own.
 *
 * Every chunk is written directly in dist/, one level below the project's folder, as
 * src/project-files.ts expects. Bundled CommonJS packages call `require`, which an ES module does
 * not have: each chunk begins by making one for its own location. Names of functions and classes
 * are kept (some packages compare them), and source maps sit beside the chunks: run with
 * NODE_OPTIONS=--enable-source-maps to see stack traces in the original files' lines.
 *
 * Run alone: `node scripts/build-server.mjs`.
 */
import { readFileSync } from "node:fs";
import { rm } from "node:fs/promises";
import { join, relative } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build } from "esbuild";

/** Packages left in node_modules (see above); everything else the server imports is bundled. */
const UNBUNDLED = [
  "@vercel/cosmosdb-server",
  "@zeit/cosmosdb-query",
  "exceljs",
  "docx",
  "jose",
  "@azure/identity",
  "@azure/monitor-opentelemetry",
  "@opentelemetry/*",
  "tsx",
];

/** Compiles `root`/src/cli.ts and everything it loads into `root`/dist. */
export async function buildServer(root) {
  const outdir = join(root, "dist");
  await rm(outdir, { recursive: true, force: true });
  await build({
    absWorkingDir: root,
    entryPoints: ["src/cli.ts"],
    outdir,
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "node",
    target: "node20",
    external: UNBUNDLED,
    minify: true,
    keepNames: true,
    banner: {
      js: 'import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);',
    },
    sourcemap: true,
    logLevel: "warning",
    plugins: [oneCopyPerRelease()],
  });
}

/**
 * A package release installed in several places (the same name and version under different
 * node_modules folders) is bundled from the first place found, as `npm dedupe` would install it
 * if it could: identical code, loaded once.
 */
function oneCopyPerRelease() {
  return {
    name: "one-copy-per-release",
    setup(build) {
      /** Package root by "name@version", the first found. */
      const firstRoot = new Map();
      build.onResolve({ filter: /^[^./]/ }, async (args) => {
        if (args.pluginData?.resolving) return undefined;
        const found = await build.resolve(args.path, {
          kind: args.kind,
          resolveDir: args.resolveDir,
          importer: args.importer,
          pluginData: { resolving: true },
        });
        // Anything unusual (an optional package not installed, an external) is left to esbuild.
        if (found.errors.length > 0 || found.external || !found.path) return undefined;
        const root = packageRoot(found.path);
        if (!root) return undefined;
        const release = `${root.name}@${root.version}`;
        const first = firstRoot.get(release);
        if (!first) {
          firstRoot.set(release, root.dir);
          return undefined;
        }
        return { ...found, path: join(first, relative(root.dir, found.path)) };
      });
    },
  };
}

/** The installed package a resolved file belongs to: its folder, name and version. */
function packageRoot(file) {
  const marker = file.lastIndexOf("node_modules/");
  if (marker === -1) return null;
  const rest = file.slice(marker + "node_modules/".length).split("/");
  const depth = rest[0]?.startsWith("@") ? 2 : 1;
  const dir = join(file.slice(0, marker), "node_modules", ...rest.slice(0, depth));
  try {
    const { name, version } = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
    return name && version ? { dir, name, version } : null;
  } catch {
    return null;
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  await buildServer(fileURLToPath(new URL("../", import.meta.url)));
}
