import type { KnipConfig } from "knip";

/**
 * Dead files, exports and dependencies (`npm run lint`). Entry points are what starts on its own:
 * the CLI (bin/plan-tracker.js loads src/cli.ts), the tab's browser scripts (loaded by the HTML
 * pages), scripts and benchmarks run with tsx, and the files tests start as child processes. Test
 * files and the vitest configs come in through knip's vitest plugin, package.json scripts by itself.
 */
const config: KnipConfig = {
  entry: [
    "src/cli.ts",
    "src/tab/public/{app,config,gallery}.js",
    "scripts/*.{ts,mjs}",
    "bench/*.ts",
    // Started with spawn/fork by the tests that use them, so no import leads to them.
    "tests/faults/support/app-child.ts",
    "tests/integration/embedded/store-process.ts",
    "tests/integration/outbox/child-app.ts",
    // Run by hand to rebuild a fixture (see each file's first comment).
    "tests/fixtures/**/make-*.ts",
  ],
  project: [
    "src/**/*.{ts,js}",
    "scripts/**/*.{ts,mjs}",
    "bench/**/*.ts",
    "tests/**/*.ts",
    "bin/*.js",
  ],
  // An export the file itself also uses is part of its design (a limit, a schema); only exports
  // nothing uses at all are dead.
  ignoreExportsUsedInFile: true,
  // The app package test runs the toolkit's `atk validate` by its path in node_modules/.bin.
  ignoreDependencies: ["@microsoft/m365agentstoolkit-cli"],
  // LibreOffice, a system program: the fault run that prints the reports uses it where installed.
  ignoreBinaries: ["soffice"],
};

export default config;
