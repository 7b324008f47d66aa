/**
 * Runs an embedded store in its own process for crash tests, writing actions and printing
 * `acked <id>` once each write is acknowledged. Arguments: <dataDir> <count> [crash-at-step].
 * With a compaction step, the store compacts after a few changes and the process kills itself
 * (SIGKILL, no clean-up) when the compaction reaches that step.
 */
import type { CompactionStep } from "../../../src/store/embedded/index.ts";
import { startEmbeddedCosmos } from "../../../src/store/embedded/index.ts";
import { action, actionsContainer, embeddedClient } from "./cosmos-client.ts";

const [dataDir = "", countText = "100", crashAt] = process.argv.slice(2);
const count = Number(countText);
const WRITERS = 4;

const store = await startEmbeddedCosmos({
  dataDir,
  port: 0,
  owner: "plan-tracker serve",
  compactAfterChanges: crashAt ? 20 : 5_000,
  onCompactionStep: (step: CompactionStep) => {
    if (step === crashAt) process.kill(process.pid, "SIGKILL");
  },
});
console.log(`ready ${store.endpoint}`);
const container = await actionsContainer(embeddedClient(store.endpoint, store.key));

let next = 0;
async function writer(): Promise<void> {
  while (next < count) {
    const n = next++;
    const doc = { ...action(n), id: `action-${n}`, notes: "x".repeat(200) };
    await container.items.create(doc);
    console.log(`acked ${doc.id}`);
  }
}
await Promise.all(Array.from({ length: WRITERS }, writer));
console.log("done");
if (crashAt) {
  console.error(`the compaction never reached step ${crashAt}`);
  process.exit(3);
}
// Stay up (holding the store) until the test stops this process.
setInterval(() => {}, 1_000);
