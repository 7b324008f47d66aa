import { cp, mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startEmbeddedCosmos } from "../src/store/embedded/index.ts";
import { newAccount } from "../src/store/embedded/library.ts";
import { watchAccount } from "../src/store/embedded/change-capture.ts";
import { readSnapshot } from "../src/store/embedded/snapshot-file.ts";
import { applyChange } from "../src/store/embedded/apply-change.ts";
const dir = await mkdtemp(join(tmpdir(), "prof-"));
// populate quickly in-process through the account
const store = await startEmbeddedCosmos({ dataDir: dir, port: 0 });
await store.stop();
const acc = newAccount("127.0.0.1", 1);
watchAccount(acc, { recording: false, record() {} });
acc.databases.create({ id: "plan-tracker" } as never);
const db = acc.database("plan-tracker");
db.collections.create({ id: "actions", partitionKey: { paths: ["/planId"] } } as never);
const coll = db.collection("actions");
for (let n = 0; n < 20000; n++) (coll.documents as any).create({ id: `CSC-${n}`, planId: "p", text: "x".repeat(900) });
const { captureAccount } = await import("../src/store/embedded/snapshot-capture.ts");
const { writeSnapshot } = await import("../src/store/embedded/snapshot-file.ts");
let t = performance.now();
const changes = captureAccount(acc);
console.log("capture", performance.now() - t);
t = performance.now();
await writeSnapshot(dir, 1, changes);
console.log("write", performance.now() - t);
for (let i = 0; i < 3; i++) {
  const acc2 = newAccount("127.0.0.1", 1);
  watchAccount(acc2, { recording: false, record() {} });
  t = performance.now();
  await readSnapshot(dir, (c) => applyChange(acc2, c));
  console.log("read+apply", performance.now() - t);
  const acc3 = newAccount("127.0.0.1", 1);
  t = performance.now();
  await readSnapshot(dir, () => {});
  console.log("read only", performance.now() - t);
}
