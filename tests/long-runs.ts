/**
 * Integration files that take half a minute or more each (kill -9 and restarts, child processes,
 * hundreds of messages). They run in `npm run test:faults`, not `npm test`, which keeps `npm test`
 * under five minutes on a 2-core machine; quicker tests of the same code stay in `npm test`.
 */
export const LONG_RUNS = [
  "tests/integration/cli/serve-durability.test.ts",
  "tests/integration/outbox/sender-crash.test.ts",
  "tests/integration/outbox/proactive-storm.test.ts",
  "tests/integration/embedded/crash.test.ts",
  // Each case starts `serve` or a command through tsx, one waiting out the store client's retries;
  // tests/unit/logging/redaction.test.ts checks the same redaction in npm test.
  "tests/integration/cli/secrets-in-output.test.ts",
];
