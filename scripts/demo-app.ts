import { join } from "node:path";
import { type RunningApp, startApp } from "../src/app.ts";
import type { Clock } from "../src/clock.ts";
import { loadDemoIfEmpty } from "../src/demo/load-demo.ts";
import { silentLogger } from "../src/logger.ts";

/** A clock running at real speed from `start`, so the demo's review dates fall where they should. */
export function clockFrom(start: string): Clock {
  const offset = Date.parse(start) - Date.now();
  return { now: () => new Date(Date.now() + offset) };
}

/**
 * The demo app (DEMO_MODE, the demo's people and plan) on free ports, its store in `work`/data and
 * its clock running from `start`: what the playground walk-through and its recording both drive.
 */
export async function startDemoApp(work: string, start: string): Promise<RunningApp> {
  const clock = clockFrom(start);
  const app = await startApp({
    env: {
      PORT: "0",
      DATA_DIR: join(work, "data"),
      EMBEDDED_COSMOS_PORT: "0",
      DEMO_MODE: "1",
      LOG_LEVEL: "silent",
    },
    clock,
    skipSamplePlan: true,
  });
  await loadDemoIfEmpty(app.store, clock, silentLogger);
  return app;
}
