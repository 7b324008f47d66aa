import type { Clock } from "../../../src/clock.ts";
import { createReviewFeature } from "../../../src/review/review-feature.ts";
import { type RunningScheduler, startScheduler } from "../../../src/scheduler/scheduler.ts";
import { createSignOffFeature } from "../../../src/signoff/signoff-feature.ts";
import type { Store } from "../../../src/store/store.ts";
import { queueingDeps } from "./review-store.ts";

/**
 * Another server instance's scheduler on the same store, wired as the app wires its own (same
 * jobs). It queues into the shared outbox; the running app's sender delivers, as any instance's
 * sender would. Tests call `runDue` with the moved clock instead of waiting for 09:00.
 */
export function startAnotherInstance(store: Store, clock: Clock): Promise<RunningScheduler> {
  const deps = queueingDeps(store, clock);
  const signOff = createSignOffFeature(deps);
  const review = createReviewFeature(deps, signOff.hooks);
  return startScheduler({ ...deps, jobs: [review.daily, signOff.daily] });
}
