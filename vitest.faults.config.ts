import { defineConfig } from "vitest/config";
import { LONG_RUNS } from "./tests/long-runs.ts";

/**
 * `npm run test:faults`: the long fault runs (throttling, a store outage, kill -9, several
 * instances, racing decisions, hostile input), one file at a time so each has the machine's
 * timing to itself, with a summary of messages, duplicates and losses at the end.
 */
export default defineConfig({
  test: {
    include: ["tests/faults/**/*.test.ts", ...LONG_RUNS],
    testTimeout: 600_000,
    hookTimeout: 300_000,
    fileParallelism: false,
    // The quick cases also run in `npm test` at a smaller size; here they run at full size.
    env: { FAULTS_FULL: "1" },
    reporters: ["default", "./tests/faults/support/fault-summary-reporter.ts"],
  },
});
