import { defineConfig } from "vitest/config";
import { LONG_RUNS } from "./tests/long-runs.ts";

/**
 * Unit tests share one module graph per worker (they are pure: no servers, no module state kept
 * between files), which saves loading the same modules 77 times; integration and browser suites
 * start real servers and each gets its own.
 */
export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Integration suites start real servers and spend much of their time waiting on them (rate
    // limits, child processes): three workers keep both cores of the 2-core machines busy.
    maxWorkers: 3,
    projects: [
      {
        extends: true,
        test: { name: "unit", include: ["tests/unit/**/*.test.ts"], isolate: false },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["tests/**/*.test.ts"],
          // The long fault runs and the long integration files (tests/long-runs.ts) are
          // `npm run test:faults`; the quick fault cases run here too.
          exclude: ["tests/unit/**", "tests/faults/*.test.ts", "node_modules/**", ...LONG_RUNS],
        },
      },
    ],
  },
});
