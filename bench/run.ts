/**
 * `npm run bench`: every benchmark in one run on one machine. Prints a table, writes
 * `bench/results.json`, and (full sizes only) puts the table into `bench/RESULTS.md` between its
 * markers. Latencies are given as ratios to a bare botbuilder echo bot measured in the same run,
 * because absolute times on a shared machine are noise.
 *
 *   npm run bench                      the sizes the targets are set for (about 10 minutes)
 *   npm run bench -- --quick           a tenth of the data, to try it out (about 2 minutes)
 *   npm run bench -- --only=round,import   some rows only
 */
import { writeFile } from "node:fs/promises";
import { pathToFileURL } from "node:url";
import { runImportBench } from "./import-xlsx.ts";
import { type Row, renderMarkdown, renderText } from "./report.ts";
import { writeResultsMarkdown } from "./results-file.ts";
import { runReviewRoundBench } from "./review-round.ts";
import { runStartupBench } from "./startup-to-healthy.ts";
import { runSubmitLatencyBench } from "./submit-latency.ts";
import { machine, type SectionResults, sectionRows } from "./targets.ts";

export const SECTIONS = ["question", "submit", "round", "startup", "import"] as const;
type Section = (typeof SECTIONS)[number];

const FULL = { actions: 10_000, leads: 1_000, samples: 300, importRows: 5_000 };
const QUICK = { actions: 1_000, leads: 100, samples: 100, importRows: 1_000 };

function options(argv: string[]) {
  const quick = argv.includes("--quick");
  const only = argv.find((a) => a.startsWith("--only="))?.slice("--only=".length);
  const wanted = new Set(only ? only.split(",") : SECTIONS);
  return { quick, size: quick ? QUICK : FULL, sections: SECTIONS.filter((s) => wanted.has(s)) };
}

/** The question benchmark belongs to the question feature; it is loaded when it is there. */
async function measureQuestions(actions: number, samples: number) {
  const module = await import("./question-latency.ts");
  return module.measureQuestions({ actions, samples });
}

async function runSection(section: Section, size: typeof FULL, results: SectionResults) {
  switch (section) {
    case "question":
      results.question = await measureQuestions(size.actions, size.samples);
      return;
    case "submit":
      results.submit = await runSubmitLatencyBench({ ...size, samples: size.samples });
      return;
    case "round":
      results.round = await runReviewRoundBench(size);
      return;
    case "startup":
      results.startup = await runStartupBench({ actions: size.actions });
      return;
    case "import":
      results.import = await runImportBench({ rows: size.importRows });
      return;
  }
}

export async function runBench(argv: string[]): Promise<{ rows: Row[]; failed: boolean }> {
  const { quick, size, sections } = options(argv);
  const results: SectionResults = {};
  const errors: Record<string, string> = {};
  for (const section of sections) {
    const started = performance.now();
    process.stderr.write(`bench: ${section}…\n`);
    try {
      await runSection(section, size, results);
    } catch (error) {
      errors[section] = error instanceof Error ? error.message : String(error);
      process.stderr.write(`bench: ${section} failed: ${errors[section]}\n`);
    }
    process.stderr.write(
      `bench: ${section} took ${Math.round((performance.now() - started) / 1000)} s\n`,
    );
  }
  const rows = sectionRows(results, errors, sections);
  const about = { date: new Date().toISOString(), quick, size, machine: machine() };
  process.stdout.write(`\n${renderText(rows, about)}\n`);
  const resultsUrl = new URL("./results.json", import.meta.url);
  await writeFile(resultsUrl, `${JSON.stringify({ ...about, rows, results, errors }, null, 2)}\n`);
  if (!quick && sections.length === SECTIONS.length) {
    await writeResultsMarkdown(renderMarkdown(rows, about));
  }
  return { rows, failed: Object.keys(errors).length > 0 };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const { failed } = await runBench(process.argv.slice(2));
  process.exit(failed ? 1 : 0);
}
