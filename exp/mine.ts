import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startEmbeddedCosmos } from "../src/store/embedded/index.ts";
import { embeddedClient, actionsContainer, action } from "../tests/integration/embedded/cosmos-client.ts";
const dir = await mkdtemp(join(tmpdir(), "emb-"));
const store = await startEmbeddedCosmos({ dataDir: dir, port: 0 });
const client = embeddedClient(store.endpoint, store.key);
const c = await actionsContainer(client);
for (let round = 0; round < 3; round++) {
  const before = store.stats().journalRecords;
  const t = performance.now();
  await Promise.all(Array.from({ length: 1000 }, (_, i) => c.items.upsert({ ...action(i), id: `a${i}` })));
  console.log("1000 concurrent upserts", Math.round(performance.now() - t), "records", store.stats().journalRecords - before);
}
await store.stop();
process.exit(0);
