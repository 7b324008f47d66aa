import { describe, expect, it } from "vitest";
import { runCli, tempDataDir } from "../../support/run-cli.ts";
import { spawnServe } from "../../support/spawn-serve.ts";

const PLYMOUTH = new URL("../../fixtures/plymouth-plan.csv", import.meta.url).pathname;
const BAD_DATE = new URL("../../fixtures/bad-date.csv", import.meta.url).pathname;

async function health(port: number): Promise<number> {
  const res = await fetch(`http://localhost:${port}/healthz`);
  return res.status;
}

const refsOf = (json: string) => (JSON.parse(json) as { ref: string }[]).map((r) => r.ref);

describe("serve with the embedded store", () => {
  it("takes CLI imports while running, refuses a second server, and loses nothing to kill -9", {
    timeout: 120_000,
  }, async () => {
    const env = { DATA_DIR: tempDataDir() };
    const first = await spawnServe(env);
    try {
      expect(await health(first.port)).toBe(200);
      // The CLI finds the running server's store through its lock file and writes there.
      const imported = await runCli(["import", PLYMOUTH], env);
      expect(imported.stdout).toContain("8 created, 0 updated, 0 unchanged, 0 rejected");
      expect(imported.code).toBe(0);
      const rejected = await runCli(["import", BAD_DATE], env);
      expect(rejected.code).toBe(1);
      const people = await runCli(
        ["people", "add", "jo.bloggs@council.gov.uk", "--role", "lead"],
        env,
      );
      expect(people.code).toBe(0);
      // A second server on the same folder is refused, with a message naming the fix.
      await expect(spawnServe(env)).rejects.toThrow(/in use by process \d+/);
    } finally {
      await first.kill9();
    }

    const second = await spawnServe(env);
    try {
      expect(await health(second.port)).toBe(200);
      const exported = await runCli(["export", "--format", "json"], env);
      const refs = refsOf(exported.stdout);
      expect(refs).toHaveLength(27);
      expect(refs).toContain("CSC-19");
      expect(refs).toContain("13.1");
      const people = await runCli(["people", "list", "--json"], env);
      expect(people.stdout).toContain("jo.bloggs@council.gov.uk");
    } finally {
      await second.stop();
    }
  });
});
