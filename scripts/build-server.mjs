/**
 * The second half of `npm run build` (the first is the type check): compiles src/ into dist/ as a
 * few bundled files instead of one file per source file. Node loads each file of a program as a
 * module of its own (resolve, read, parse, link); a few hundred of ours took about a quarter of a
 * second of every start-up, and bundled take about 0.2 s less. Packages stay in node_modules,
 * loaded as they are. Each command and each library loaded only when used (the Word writer, the
 * Excel reader, telemetry) stays a chunk of its own, loaded when first asked for.
 *
 * Every chunk is written directly in dist/, one level below the project's folder, as
 * src/project-files.ts expects. Source maps sit beside them: run with
 * NODE_OPTIONS=--enable-source-maps to see stack traces in the TypeScript's lines.
 *
 * Run alone: `node scripts/build-server.mjs`.
 */
import { rm } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build } from "esbuild";

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
    packages: "external",
    sourcemap: true,
    logLevel: "warning",
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  await buildServer(fileURLToPath(new URL("../", import.meta.url)));
}
