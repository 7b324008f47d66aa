import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    exclude: ["tests/faults/**", "node_modules/**"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Integration suites start real servers; two workers suit the 2-core machines.
    maxWorkers: 2,
  },
});
