import { startApp } from "../app.ts";
import type { CommandIo } from "./command-io.ts";

/** `plan-tracker serve`: runs until Ctrl-C or SIGTERM, then closes the store cleanly. */
export async function serveCommand(_args: string[], io: CommandIo): Promise<number> {
  const app = await startApp({ env: io.env });
  io.err(
    `Plan Tracker is listening on http://localhost:${app.port} (bot: /api/messages, health: /healthz)`,
  );
  await new Promise<void>((resolve) => {
    let stopping = false;
    const stop = () => {
      if (stopping) return;
      stopping = true;
      app.close().finally(resolve);
    };
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  });
  return 0;
}
