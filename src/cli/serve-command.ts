import { startApp } from "../app.ts";
import { loadConfig } from "../config.ts";
import { createLogger } from "../logger.ts";
import type { CommandIo } from "./command-io.ts";
import { routeProcessOutputTo } from "./route-process-output.ts";

/** `plan-tracker serve`: runs until Ctrl-C or SIGTERM, then closes the store cleanly. */
export async function serveCommand(_args: string[], io: CommandIo): Promise<number> {
  const logger = createLogger(loadConfig(io.env).LOG_LEVEL);
  // Only the long-running server: the other commands' console output is their result.
  const restoreOutput = routeProcessOutputTo(logger);
  const app = await startApp({ env: io.env, logger }).catch((error: unknown) => {
    restoreOutput();
    throw error;
  });
  io.err(
    `Plan Tracker is listening on http://localhost:${app.port} (bot: /api/messages, health: /healthz)`,
  );
  await new Promise<void>((resolve) => {
    let stopping = false;
    const stop = () => {
      if (stopping) return;
      stopping = true;
      app.close().finally(() => {
        restoreOutput();
        resolve();
      });
    };
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  });
  return 0;
}
