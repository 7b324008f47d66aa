/**
 * `bench/RESULTS.md` is written by hand except for the table, which each full run replaces between
 * the two markers, so the explanations around it survive a new run.
 */
import { execFile } from "node:child_process";
import { readFile, writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";

const FILE = new URL("./RESULTS.md", import.meta.url);
const START = "<!-- bench:table:start -->";
const END = "<!-- bench:table:end -->";

export async function writeResultsMarkdown(table: string): Promise<void> {
  let text: string;
  try {
    text = await readFile(FILE, "utf8");
  } catch {
    text = `# Benchmark results\n\n${START}\n${END}\n`;
  }
  const start = text.indexOf(START);
  const end = text.indexOf(END);
  const block = `${START}\n${table}\n${END}`;
  const next =
    start >= 0 && end > start
      ? `${text.slice(0, start)}${block}${text.slice(end + END.length)}`
      : `${text.trimEnd()}\n\n${block}\n`;
  await writeFile(FILE, next);
  await formatted(fileURLToPath(FILE));
}

/** The project's formatter lays the tables out, so `npm run lint` stays clean after a run. */
function formatted(path: string): Promise<void> {
  const biome = fileURLToPath(new URL("../node_modules/.bin/biome", import.meta.url));
  return new Promise((resolve) => {
    execFile(biome, ["format", "--write", path], () => resolve());
  });
}
