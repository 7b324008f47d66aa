/**
 * `bench/RESULTS.md` and the README are written by hand except for the table, which each full run
 * replaces between the two markers, so the explanations around it survive a new run.
 */
import { execFile } from "node:child_process";
import { readFile, writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";

const RESULTS = new URL("./RESULTS.md", import.meta.url);
const README = new URL("../README.md", import.meta.url);
const START = "<!-- bench:table:start -->";
const END = "<!-- bench:table:end -->";

export async function writeResultsMarkdown(table: string): Promise<void> {
  await replaceTable(RESULTS, table, `# Benchmark results\n\n${START}\n${END}\n`);
  // The README shows the same table; it has the markers where it should go (none: left alone).
  await replaceTable(README, table, null);
}

async function replaceTable(file: URL, table: string, whenMissing: string | null): Promise<void> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch {
    if (whenMissing === null) return;
    text = whenMissing;
  }
  const start = text.indexOf(START);
  const end = text.indexOf(END);
  if ((start < 0 || end < start) && whenMissing === null) return;
  const block = `${START}\n${table}\n${END}`;
  const next =
    start >= 0 && end > start
      ? `${text.slice(0, start)}${block}${text.slice(end + END.length)}`
      : `${text.trimEnd()}\n\n${block}\n`;
  await writeFile(file, next);
  await formatted(fileURLToPath(file));
}

/** The project's formatter lays the tables out, so `npm run lint` stays clean after a run. */
function formatted(path: string): Promise<void> {
  const biome = fileURLToPath(new URL("../node_modules/.bin/biome", import.meta.url));
  return new Promise((resolve) => {
    execFile(biome, ["format", "--write", path], () => resolve());
  });
}
