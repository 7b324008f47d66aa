import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    // The long fault runs are `npm run test:faults`; the quick ones (under a minute) run here too.
    exclude: ["tests/faults/*.test.ts", "node_modules/**"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Integration suites start real servers; two workers suit the 2-core machines.
    maxWorkers: 2,
  },
});
