/**
 * The second half of `npm run build` (the first is the type check): compiles src/ and the packages
 * it loads at start-up into dist/ as a few bundled, minified files. Node loads each file of a
 * program as a module of its own (resolve, read, parse, link), and keeps every module's source text
 * in memory for as long as the process runs: botbuilder, the Cosmos SDK, express and zod are some
 * 1,500 files and ~12 MB of source, zod four times over (botbuilder's packages each install their
 * own copy of zod 3). Bundled and minified they start sooner and take ~10–15 MB less of a running
 * server's memory (`npm run bench`, start-up row).
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
import { rm } from "node:fs/promises";
import { join } from "node:path";
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
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  await buildServer(fileURLToPath(new URL("../", import.meta.url)));
}
