import { execFile } from "node:child_process";
import { appendFile, cp, mkdir, mkdtemp, rm, symlink, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";

const run = promisify(execFile);
const ROOT = process.cwd();

/** A file in a small copy of the project, importing one thing. */
interface Case {
  file: string;
  imports: string;
  /** The rule that must refuse the import, or undefined when the import is allowed. */
  rule?: string;
  typeOnly?: boolean;
}

/** One forbidden import per rule in .dependency-cruiser.cjs, and imports the rules must let through. */
const CASES: Case[] = [
  { file: "src/domain/uses-store.ts", imports: "../store/store.ts", rule: "domain-is-pure" },
  { file: "src/domain/reads-files.ts", imports: "node:fs", rule: "domain-is-pure" },
  { file: "src/domain/uses-zod.ts", imports: "zod" },
  { file: "src/outbox/uses-botbuilder.ts", imports: "botbuilder", rule: "botbuilder-only-in-bot" },
  { file: "src/outbox/uses-connector.ts", imports: "../bot/connector-calls.ts" },
  { file: "src/bot/uses-botbuilder.ts", imports: "botbuilder" },
  { file: "src/query/uses-cosmos.ts", imports: "@azure/cosmos", rule: "cosmos-only-in-store" },
  { file: "src/store/uses-cosmos.ts", imports: "@azure/cosmos" },
  {
    file: "src/http/uses-opentelemetry.ts",
    imports: "@opentelemetry/api",
    rule: "telemetry-only-in-telemetry",
  },
  { file: "src/telemetry/uses-opentelemetry.ts", imports: "@opentelemetry/api" },
  {
    file: "src/api/uses-a-test.ts",
    imports: "../../tests/support/temp-store.ts",
    rule: "src-not-to-tests-bench-scripts",
  },
  {
    file: "src/api/uses-a-script.ts",
    imports: "../../scripts/app-package.ts",
    rule: "src-not-to-tests-bench-scripts",
  },
  { file: "src/cards/uses-store.ts", imports: "../store/store.ts", rule: "cards-are-pure" },
  { file: "src/cards/uses-domain.ts", imports: "../domain/rag.ts" },
  { file: "src/api/uses-cli.ts", imports: "../cli/cli-error.ts", rule: "cli-only-from-its-entry" },
  { file: "src/cli.ts", imports: "./cli/run-cli.ts" },
  {
    file: "src/outbox/uses-review.ts",
    imports: "../review/start-review.ts",
    rule: "outbox-below-use-cases",
  },
  {
    file: "src/review/uses-bot.ts",
    imports: "../bot/create-bot.ts",
    rule: "use-cases-not-to-transport",
  },
  {
    file: "src/signoff/uses-outbox.ts",
    imports: "../outbox/outbox-sender.ts",
    rule: "use-cases-not-to-transport",
  },
  {
    file: "src/review/uses-daily-job.ts",
    imports: "../scheduler/daily-job.ts",
    typeOnly: true,
  },
  {
    file: "src/export/uses-api.ts",
    imports: "../api/api-routes.ts",
    rule: "import-export-not-to-transport",
  },
  {
    file: "src/store/uses-cards.ts",
    imports: "../cards/help-card.ts",
    rule: "store-is-the-bottom",
  },
  {
    file: "src/scheduler/uses-bot.ts",
    imports: "../bot/create-bot.ts",
    rule: "scheduler-not-to-doors",
  },
  { file: "src/http/uses-store.ts", imports: "../store/store.ts", rule: "http-is-generic" },
  {
    file: "src/tab/public/uses-domain.js",
    imports: "../../domain/rag.ts",
    rule: "browser-code-stays-in-browser",
  },
  { file: "src/tab/public/uses-dom.js", imports: "./dom.js" },
  // semaphore is in node_modules only because @azure/cosmos brings it.
  { file: "src/api/uses-undeclared.ts", imports: "semaphore", rule: "no-undeclared-dependencies" },
  {
    file: "src/api/uses-dev-dependency.ts",
    imports: "fast-check",
    rule: "no-dev-dependencies-in-src",
  },
  { file: "src/api/uses-missing.ts", imports: "./not-there.ts", rule: "no-unresolvable" },
  { file: "src/plans/cycle-a.ts", imports: "./cycle-b.ts", rule: "no-circular" },
  // The cycle is reported once, at the file where the crawl first meets it.
  { file: "src/plans/cycle-b.ts", imports: "./cycle-a.ts" },
  // A cycle through a type-only import is gone when the code runs.
  { file: "src/plans/types-a.ts", imports: "./types-b.ts", typeOnly: true },
  { file: "src/plans/types-b.ts", imports: "./types-a.ts" },
];

const Config = z.object({ forbidden: z.array(z.object({ name: z.string() })) });

const Report = z.object({
  summary: z.object({
    violations: z.array(z.object({ from: z.string(), rule: z.object({ name: z.string() }) })),
  }),
});

describe("the import rules (npm run lint)", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "plan-tracker-import-rules-"));
    await symlink(join(ROOT, "node_modules"), join(dir, "node_modules"), "dir");
    for (const f of ["package.json", "tsconfig.json", ".dependency-cruiser.cjs"]) {
      await cp(join(ROOT, f), join(dir, f));
    }
    // Packages resolve through the node_modules link; keeping its path makes them look as they do in
    // the project (node_modules/zod/...), so the rules match the same way.
    await appendFile(
      join(dir, ".dependency-cruiser.cjs"),
      "\nmodule.exports.options.preserveSymlinks = true;\n",
    );
    const write = async (file: string, text: string) => {
      await mkdir(dirname(join(dir, file)), { recursive: true });
      await writeFile(join(dir, file), text);
    };
    // Every file a case imports exists (empty), so only the rule under test can object.
    for (const c of CASES) {
      if (!c.imports.startsWith(".")) continue;
      const target = join(dirname(c.file), c.imports);
      if (!CASES.some((o) => o.file === target) && !target.endsWith("not-there.ts")) {
        await write(target, "export const placeholder = 1;\n");
      }
    }
    for (const c of CASES) {
      const line = c.typeOnly
        ? `import type * as imported from "${c.imports}";\nexport type Imported = typeof imported;\n`
        : `import * as imported from "${c.imports}";\nexport const used = imported;\n`;
      await write(c.file, line);
    }
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("has a forbidden import above for every rule, so each rule is shown to fail", () => {
    const config = Config.parse(
      createRequire(import.meta.url)(join(ROOT, ".dependency-cruiser.cjs")),
    );
    const tried = new Set(CASES.map((c) => c.rule));
    expect(config.forbidden.map((r) => r.name).filter((name) => !tried.has(name))).toEqual([]);
  });

  it("refuses each forbidden import by its rule, and lets the allowed ones through", {
    timeout: 120_000,
  }, async () => {
    const { stdout } = await run(
      join(ROOT, "node_modules", ".bin", "depcruise"),
      ["src", "--config", ".dependency-cruiser.cjs", "--output-type", "json"],
      { cwd: dir, maxBuffer: 64 * 1024 * 1024 },
    ).catch((error: { stdout?: string }) => ({ stdout: error.stdout ?? "" }));
    const found = Report.parse(JSON.parse(stdout)).summary.violations.map(
      (v) => `${v.rule.name}: ${v.from}`,
    );
    const expected = CASES.flatMap((c) => (c.rule ? [`${c.rule}: ${c.file}`] : []));
    expect([...new Set(found)].sort()).toEqual(expected.sort());
  });
});
