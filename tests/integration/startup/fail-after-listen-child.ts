/**
 * Starts the app with a last start-up step that fails: the logger throws when the app says it is
 * running, after the HTTP server listens and the sender, the question index and the scheduler have
 * started. Prints whether the port still answers, then does nothing more: with everything closed,
 * the process ends on its own.
 */
import { connect } from "node:net";
import { startApp } from "../../../src/app.ts";
import { type Logger, silentLogger } from "../../../src/logger.ts";

let port = 0;
const logger: Logger = {
  ...silentLogger,
  info(message, fields) {
    if (message !== "Plan Tracker is running") return;
    port = (fields as { port: number }).port;
    throw new Error("A step after listening failed.");
  },
};

try {
  await startApp({ env: process.env, logger, skipSamplePlan: true });
  process.stdout.write("STARTED\n");
} catch (error) {
  process.stdout.write(`FAILED ${String(error)}\n`);
  const answers = await new Promise<boolean>((resolve) => {
    const socket = connect({ port, host: "127.0.0.1" }, () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
  process.stdout.write(answers ? `PORT ${port} STILL OPEN\n` : `PORT ${port} CLOSED\n`);
}
