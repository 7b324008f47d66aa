import { randomUUID } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { spawnServe } from "../support/spawn-serve.ts";
import { StandInConnector } from "../support/stand-in-connector.ts";
import { StandInIngestion } from "../support/stand-in-ingestion.ts";
import { activityFactory } from "../support/start-test-app.ts";

/**
 * Application Insights out of reach for the whole run: every send of telemetry is refused. The
 * bot answers as before, the operator reads one warning line, nobody in Teams hears of it, and a
 * SIGTERM still ends the server cleanly.
 */
describe("telemetry with Application Insights out of reach", () => {
  it("keeps the bot answering and says so in one warning line", async () => {
    const ingestion = await StandInIngestion.start();
    const environment = ingestion.serveEnvironment(randomUUID());
    // Nothing listens at the endpoint from here on.
    await ingestion.close();
    const connector = await StandInConnector.start();
    const dataDir = await mkdtemp(join(tmpdir(), "plan-tracker-telemetry-"));
    try {
      const serve = await spawnServe({
        DATA_DIR: dataDir,
        LOG_LEVEL: "info",
        ...environment,
        // What the exporter keeps on disk to send later goes with the test's folder.
        TMPDIR: dataDir,
      });
      const user = connector.addUser({ email: "sam@council.gov.uk", name: "Sam" });
      const message = activityFactory(connector, "28:plan-tracker-dev").message(user, "help");
      for (let i = 0; i < 3; i += 1) {
        const response = await fetch(`http://127.0.0.1:${serve.port}/api/messages`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ ...message, id: `${message.id}-${i}` }),
        });
        expect(response.status).toBe(200);
      }
      await connector.waitFor(() => connector.messagesIn(message.conversation.id).length === 3);
      const replies = connector.messagesIn(message.conversation.id);
      expect(JSON.stringify(replies)).not.toMatch(/telemetry|Application Insights/i);
      await serve.stop();
      const lines = serve
        .output()
        .split("\n")
        .filter((line) => line.startsWith("{"))
        .map((line) => JSON.parse(line) as { level: string; message: string });
      const warnings = lines.filter(
        (line) => line.level === "warn" && /Application Insights/.test(line.message),
      );
      expect(warnings, serve.output()).toHaveLength(1);
      expect(lines.filter((line) => line.level === "error")).toEqual([]);
      expect(serve.child.exitCode).toBe(0);
    } finally {
      await connector.close();
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
