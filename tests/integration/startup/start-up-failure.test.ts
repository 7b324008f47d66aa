import { spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const CHILD = fileURLToPath(new URL("./fail-after-listen-child.ts", import.meta.url));

/** Starting takes seconds, far longer on a busy machine; stopping well under a second. */
const FAIL_WITHIN_MS = 90_000;
/** After start-up failed: a process kept alive by something left open would wait for ever. */
const EXIT_WITHIN_MS = 15_000;

describe("start-up that fails after the server listens", () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), "plan-tracker-startup-"));
  });
  afterAll(() => rm(dataDir, { recursive: true, force: true }));

  it(
    "closes everything it opened: the port is free and the process ends on its own",
    async () => {
      const child = spawn(process.execPath, ["--import", "tsx", CHILD], {
        env: {
          ...process.env,
          PORT: "0",
          DATA_DIR: dataDir,
          EMBEDDED_COSMOS_PORT: "0",
          LOG_LEVEL: "silent",
        },
        stdio: ["ignore", "pipe", "pipe"],
      });
      let out = "";
      let failed: () => void = () => undefined;
      const failedOnce = new Promise<void>((resolve) => {
        failed = resolve;
      });
      child.stdout.on("data", (chunk) => {
        out += String(chunk);
        if (out.includes("PORT")) failed();
      });
      child.stderr.on("data", (chunk) => {
        out += String(chunk);
      });
      const exited = new Promise<{ code: number | null }>((resolve) => {
        child.once("exit", (code) => resolve({ code }));
      });
      await Promise.race([failedOnce, exited, waitMs(FAIL_WITHIN_MS)]);
      const ended = await new Promise<{ code: number | null } | "still running">((resolve) => {
        const timer = setTimeout(() => resolve("still running"), EXIT_WITHIN_MS);
        void exited.then((code) => {
          clearTimeout(timer);
          resolve(code);
        });
      });
      if (ended === "still running") child.kill("SIGKILL");

      expect(out).toContain("FAILED Error: A step after listening failed.");
      expect(out).toMatch(/PORT \d+ CLOSED/);
      expect(ended).toEqual({ code: 0 });
    },
    FAIL_WITHIN_MS + EXIT_WITHIN_MS + 5_000,
  );
});

function waitMs(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}
