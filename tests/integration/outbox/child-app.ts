/**
 * The app in a process of its own, for tests that kill it (SIGKILL) mid-work and start it again
 * on the same data folder. Prints "READY <port>" once it is serving.
 */
import { startApp } from "../../../src/app.ts";

const app = await startApp({ env: process.env, skipSamplePlan: true });
process.stdout.write(`READY ${app.port}\n`);
process.on("SIGTERM", () => {
  void app.close().then(() => process.exit(0));
});
