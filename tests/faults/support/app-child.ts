/**
 * The whole server in a process of its own, as `plan-tracker serve` runs it: the embedded store
 * for DATA_DIR inside the app, in one process. Differences, for measuring and fault runs only: the
 * store's requests are counted, and the clock may be set (`APP_CLOCK_OFFSET_MS` is added to the
 * wall clock, so time still moves and a restart can continue the same day).
 * Prints "READY <port> <store endpoint>"; answers "requests" on stdin with "REQUESTS <json>" and
 * "memory" with "MEMORY <json>" (process.memoryUsage()).
 */
import { createInterface } from "node:readline";
import { startApp } from "../../../src/app.ts";
import type { Clock } from "../../../src/clock.ts";
import { readRunningStore } from "../../../src/store/embedded/index.ts";
import { StoreRequests } from "./store-requests.ts";

const dataDir = process.env.DATA_DIR;
if (!dataDir) throw new Error("DATA_DIR is required");
const offset = Number(process.env.APP_CLOCK_OFFSET_MS ?? 0);
const clock: Clock = { now: () => new Date(Date.now() + offset) };

const requests = new StoreRequests();
// The store starts inside the app, exactly as `plan-tracker serve` starts it; only the counting
// hook is added.
const app = await startApp({
  env: { ...process.env, EMBEDDED_COSMOS_PORT: "0" },
  clock,
  skipSamplePlan: process.env.LOAD_SAMPLE_PLAN !== "1",
  onStoreRequest: requests.record,
});
const store = await readRunningStore(dataDir);
if (!store) throw new Error(`The store for ${dataDir} did not publish its address.`);
process.stdout.write(`READY ${app.port} ${store.endpoint}\n`);

const commands = createInterface({ input: process.stdin });
// The harness holds stdin open; when it goes (finished or killed), so does this server.
commands.on("close", () => process.kill(process.pid, "SIGTERM"));
commands.on("line", (line) => {
  if (line.trim() === "requests") {
    process.stdout.write(`REQUESTS ${JSON.stringify(requests.snapshot())}\n`);
  }
  if (line.trim() === "memory") {
    // With --expose-gc, collect first so the figures show what is kept, not what awaits collection.
    (globalThis as { gc?: () => void }).gc?.();
    process.stdout.write(`MEMORY ${JSON.stringify(process.memoryUsage())}\n`);
  }
});
process.on("SIGTERM", () => {
  void app.close().then(() => process.exit(0));
});
